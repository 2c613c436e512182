package dev.paymentsdr.payments.port.in;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reconciling an archive with a ledger found: the archived payments the ledger lacks, oldest first, and the
 * time span they cover (the measured recovery point of a failover).
 *
 * @param archivedEntries lines read from the archive (a payment archived twice counts twice)
 */
public record ReconcileReport(LocalDate from, LocalDate to, long archivedEntries, List<MissingPayment> missing) {
    public ReconcileReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        missing = missing.stream().sorted(Comparator.comparing((MissingPayment m) -> m.payment().createdAt())
                .thenComparing(m -> m.payment().id().value())).toList();
    }

    /** Creation time of the oldest missing payment. */
    public Optional<Instant> firstMissingAt() {
        return missing.isEmpty() ? Optional.empty() : Optional.of(missing.get(0).payment().createdAt());
    }

    /** Creation time of the newest missing payment. */
    public Optional<Instant> lastMissingAt() {
        return missing.isEmpty() ? Optional.empty() : Optional.of(missing.get(missing.size() - 1).payment().createdAt());
    }

    /** From the oldest to the newest missing payment (zero for none or one). */
    public Duration missingSpan() {
        return firstMissingAt().map(first -> Duration.between(first, lastMissingAt().orElseThrow())).orElse(Duration.ZERO);
    }

    /** True when the ledger holds every archived payment. */
    public boolean isComplete() {
        return missing.isEmpty();
    }
}
