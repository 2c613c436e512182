package dev.paymentsdr.infra.config;

import java.util.Optional;

/**
 * Validated settings of one synthesis: environment, regions, alerting, DNS and capacity.
 *
 * @param account AWS account id, or empty for an environment-agnostic synthesis (resolved at deploy time)
 * @param databaseEngine the engine the context asked for (only the flagship lets the context choose)
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
        Optional<DatabaseEngineChoice> databaseEngine,
        boolean globalAccelerator,
        boolean deletionProtection) {

    /** The region that is not {@code region} (primary for secondary and the other way round). */
    public String otherRegion(String region) {
        return region.equals(primaryRegion) ? secondaryRegion : primaryRegion;
    }
}
