package dev.paymentsdr.failover.application;

/** What one step did: done (with a detail for the log) or refused (with the reason). */
record StepOutcome(boolean refused, String detail) {
    static StepOutcome done(String detail) {
        return new StepOutcome(false, detail);
    }

    static StepOutcome refuse(String reason) {
        return new StepOutcome(true, reason);
    }
}
