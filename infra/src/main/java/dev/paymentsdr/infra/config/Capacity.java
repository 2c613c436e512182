package dev.paymentsdr.infra.config;

/** Minimum and maximum task count of a region's payment service. */
public record Capacity(int minTasks, int maxTasks) {
    /** Validates that 1 <= min <= max <= 1000. */
    public Capacity {
        if (minTasks < 1 || maxTasks > 1000 || minTasks > maxTasks) {
            throw new InvalidContextException("capacity must satisfy 1 <= min <= max <= 1000, got min=" + minTasks + " max=" + maxTasks);
        }
    }
}
