package dev.paymentsdr.bench;

/**
 * What one phase cost per payment in CPU time (microseconds; -1 where it could not be measured) and the machine's
 * 1-minute load average while it ran: the service JVM (and the part of it its JIT compiler took) and PostgreSQL
 * (primary and standby, every process).
 */
public record PhaseCost(double serviceMicros, double serviceJitMicros, double databaseMicros, double loadAverage) {
    static final PhaseCost UNMEASURED = new PhaseCost(-1, -1, -1, -1);
}
