package dev.paymentsdr.infra.spec;

import dev.paymentsdr.infra.config.Capacity;

/** The ECS Fargate payment service of one region: how many tasks it runs at least and at most. */
public record ServiceSpec(Capacity capacity) {
    /** A service scaling between {@code capacity.minTasks()} and {@code capacity.maxTasks()}. */
    public static ServiceSpec of(Capacity capacity) {
        return new ServiceSpec(capacity);
    }
}
