package dev.paymentsdr.contract;

/**
 * The keys naming the failover's resources: the lines of drctl's {@code --config} file and the pairs of
 * {@link RuntimeVariable#PAYMENTS_FAILOVER_RESOURCES}. Per-region keys are {@code region.<region>.<key>}.
 */
public final class FailoverKeys {
    /** Two regions, the deployment's primary first: {@code us-east-1,us-east-2}. */
    public static final String REGIONS = "regions";
    public static final String GLOBAL_CLUSTER = "global-cluster";
    /** DynamoDB table of the lease and the execution log: string keys {@code pk}, {@code sk}; TTL attribute {@code expiresAt}. */
    public static final String STATE_TABLE = "state-table";
    /** The one region whose table holds the lease (default: the second region). */
    public static final String STATE_TABLE_REGION = "state-table-region";
    /** The global endpoint a validation payment goes through; without it, the active region's own endpoint. */
    public static final String PROBE_URL = "probe-url";
    /** Path of the payments collection under the endpoint: {@code v1/payments} (the service), {@code payments} (the REST API). */
    public static final String PROBE_PAYMENTS_PATH = "probe-payments-path";
    /** {@code none}, or {@code execute-api}: SigV4-sign the validation payment (an IAM-authorized API Gateway). */
    public static final String PROBE_SIGNING = "probe-signing";
    public static final String HOSTED_ZONE_ID = "route53.hosted-zone-id";
    public static final String RECORD_NAME = "route53.record-name";
    public static final String DB_CLUSTER = "db-cluster";
    public static final String ECS_CLUSTER = "ecs-cluster";
    public static final String ECS_SERVICE = "ecs-service";
    public static final String HEALTH_URL = "health-url";
    public static final String HEALTH_CHECK_ID = "health-check-id";
    public static final String ALERT_TOPIC_ARN = "alert-topic-arn";
    public static final String ALIAS_DNS_NAME = "alias-dns-name";
    public static final String ALIAS_HOSTED_ZONE_ID = "alias-hosted-zone-id";
    public static final String MIN_TASKS = "min-tasks";
    /** The region's Global Accelerator endpoint group (both regions or neither: without, traffic moves by Route 53 only). */
    public static final String ACCELERATOR_ENDPOINT_GROUP = "accelerator-endpoint-group-arn";

    private FailoverKeys() {
    }

    /** The key of {@code key} in {@code region}: {@code region.us-east-1.db-cluster}. */
    public static String regional(String region, String key) {
        return "region." + region + "." + key;
    }
}
