package dev.paymentsdr.failover.application;

/** A step found the world in a state it cannot proceed from; the message says what to do. */
public final class StepFailedException extends RuntimeException {
    public StepFailedException(String message) {
        super(message);
    }
}
