package dev.paymentsdr.service.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Result of one readiness check: ready only for a reachable, writable primary; otherwise the reason.
 *
 * @param replication replication facts where known (lag per standby on a primary, own lag on a standby)
 */
public record ReadinessReport(DatabaseRole role, boolean writable, Optional<String> notReadyReason,
                              Map<String, Object> replication) {

    public ReadinessReport {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(notReadyReason, "notReadyReason");
        replication = replication == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(replication));
    }

    /** A writable primary that may take payments. */
    public static ReadinessReport ready(Map<String, Object> replication) {
        return new ReadinessReport(DatabaseRole.PRIMARY, true, Optional.empty(), replication);
    }

    /** Any state in which the service must not take payments. */
    public static ReadinessReport notReady(DatabaseRole role, String reason, Map<String, Object> replication) {
        return new ReadinessReport(role, false, Optional.of(reason), replication);
    }

    public boolean isReady() {
        return notReadyReason.isEmpty();
    }
}
