package dev.paymentsdr.infra.config;

import java.util.Optional;

/**
 * Validated settings of one synthesis: environment, regions, alerting, DNS and capacity.
 *
 * @param account AWS account id, or empty for an environment-agnostic synthesis (resolved at deploy time)
 */
public record DrSettings(
        String environmentSuffix,
        Optional<String> account,
        String primaryRegion,
        String secondaryRegion,
        Optional<String> alertEmail,
        Optional<DnsSettings> dns,
        Capacity primaryCapacity,
        Capacity secondaryCapacity,
        DatabaseEngineChoice databaseEngine,
        boolean globalAccelerator,
        boolean deletionProtection) {

    /** The region that is not {@code region} (primary for secondary and the other way round). */
    public String otherRegion(String region) {
        return region.equals(primaryRegion) ? secondaryRegion : primaryRegion;
    }
}
