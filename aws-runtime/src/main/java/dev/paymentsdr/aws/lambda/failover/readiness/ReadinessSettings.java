package dev.paymentsdr.aws.lambda.failover.readiness;

import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_READINESS_BUCKETS;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_READINESS_REPLICATION_TIMEOUT;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_READINESS_TABLE;

import dev.paymentsdr.aws.lambda.failover.FailoverFunctionSettings;
import dev.paymentsdr.aws.lambda.failover.SettingsReader;
import dev.paymentsdr.contract.Component;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The readiness tester's settings.
 *
 * @param table              the global table of the canary item; empty: the deployment has none, the check is skipped
 * @param buckets            each region's replicated bucket; empty: none, the check is skipped
 * @param replicationTimeout how long a canary may take to appear in the other region
 */
public record ReadinessSettings(FailoverFunctionSettings common, Optional<String> table, Map<RegionId, String> buckets,
                                Duration replicationTimeout) {
    public static final Duration DEFAULT_REPLICATION_TIMEOUT = Duration.ofMinutes(5);

    public ReadinessSettings {
        buckets = Map.copyOf(buckets);
    }

    /** The tester's settings from a function environment, exactly as it reads them at start. */
    public static ReadinessSettings parse(Map<String, String> environment) {
        SettingsReader in = new SettingsReader(Component.READINESS_TESTER, environment);
        FailoverFunctionSettings common = FailoverFunctionSettings.read(in);
        Optional<String> table = in.parsed(PAYMENTS_READINESS_TABLE, v -> {
            if (!v.matches("[A-Za-z0-9_.-]{3,255}")) {
                throw new IllegalArgumentException(PAYMENTS_READINESS_TABLE + " must be a DynamoDB table name (3-255 of"
                        + " A-Z a-z 0-9 _ . -), was '" + v + "'");
            }
            return v;
        });
        Map<RegionId, String> buckets = new LinkedHashMap<>();
        in.keyValues(PAYMENTS_READINESS_BUCKETS).forEach((region, bucket) -> {
            try {
                RegionId id = RegionId.of(region);
                if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                    in.problem(PAYMENTS_READINESS_BUCKETS + ": '" + bucket + "' is not an S3 bucket name (3-63 of a-z 0-9 . -)");
                }
                buckets.put(id, bucket);
            } catch (IllegalArgumentException e) {
                in.problem(PAYMENTS_READINESS_BUCKETS + ": '" + region + "' is not a region name such as us-east-1");
            }
        });
        if (buckets.size() == 1) {
            in.problem(PAYMENTS_READINESS_BUCKETS + " must name the bucket of both regions (REGION=BUCKET;REGION=BUCKET)");
        }
        Duration timeout = in.duration(PAYMENTS_READINESS_REPLICATION_TIMEOUT, DEFAULT_REPLICATION_TIMEOUT);
        in.failIfAny();
        return new ReadinessSettings(common, table, buckets, timeout);
    }
}
