package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Duration;
import java.time.Instant;

/**
 * The health monitor's evidence that a failover's source stopped answering: its Nth failed probe in a row, handed to
 * the orchestrator with the failover it started. While fresh, assess waits on the silent source only briefly.
 *
 * @param seenAt when the monitor counted the failure that started the failover
 * @param databaseSilent the source's database did not answer the monitor's own question (asked at the first failure)
 */
record SourceSilence(RegionId source, Instant seenAt, boolean databaseSilent) {
    /** Evidence older than this says too little about now: assess asks the source with its full limits. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    boolean freshFor(RegionId region, Instant now) {
        return source.equals(region) && !now.isAfter(seenAt.plus(MAX_AGE));
    }
}
