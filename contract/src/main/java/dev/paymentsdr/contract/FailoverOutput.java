package dev.paymentsdr.contract;

/**
 * The stack outputs the failover reads (drctl {@code --environment}, and the failover functions for what their
 * environment cannot name at synthesis, such as the other region's load balancer): the stacks emit them under these
 * keys, the runtime reads them by these keys.
 */
public enum FailoverOutput {
    GLOBAL_CLUSTER_ID("GlobalClusterId", Stack.REGIONAL, FailoverKeys.GLOBAL_CLUSTER),
    DATABASE_CLUSTER_ID("DatabaseClusterId", Stack.REGIONAL, FailoverKeys.DB_CLUSTER),
    CLUSTER_NAME("ClusterName", Stack.REGIONAL, FailoverKeys.ECS_CLUSTER),
    SERVICE_NAME("ServiceName", Stack.REGIONAL, FailoverKeys.ECS_SERVICE),
    /** The region's readiness URL; without it, {@code https://<LoadBalancerDns>/health/ready}. */
    HEALTH_URL("HealthUrl", Stack.REGIONAL, FailoverKeys.HEALTH_URL),
    /** What the region's failover record aliases: its load balancer or its API's custom domain (with records only). */
    RECORD_TARGET("FailoverRecordTarget", Stack.REGIONAL, FailoverKeys.ALIAS_DNS_NAME),
    RECORD_TARGET_ZONE("FailoverRecordTargetZone", Stack.REGIONAL, FailoverKeys.ALIAS_HOSTED_ZONE_ID),
    LOAD_BALANCER_DNS("LoadBalancerDns", Stack.REGIONAL, FailoverKeys.ALIAS_DNS_NAME),
    LOAD_BALANCER_ZONE("LoadBalancerCanonicalHostedZoneId", Stack.REGIONAL, FailoverKeys.ALIAS_HOSTED_ZONE_ID),
    MIN_TASKS("MinTaskCount", Stack.REGIONAL, FailoverKeys.MIN_TASKS),
    ALERT_TOPIC_ARN("AlertTopicArn", Stack.REGIONAL, FailoverKeys.ALERT_TOPIC_ARN),
    STATE_TABLE("FailoverStateTable", Stack.REGIONAL, FailoverKeys.STATE_TABLE),
    PRIMARY_HEALTH_CHECK_ID("PrimaryHealthCheckId", Stack.GLOBAL, FailoverKeys.HEALTH_CHECK_ID),
    SECONDARY_HEALTH_CHECK_ID("SecondaryHealthCheckId", Stack.GLOBAL, FailoverKeys.HEALTH_CHECK_ID),
    /** The payment API's global name: the failover records' name, and {@code https://<name>} is the probe URL. */
    PAYMENT_API_NAME("PaymentApiName", Stack.GLOBAL, FailoverKeys.RECORD_NAME),
    HOSTED_ZONE_ID("HostedZoneId", Stack.GLOBAL, FailoverKeys.HOSTED_ZONE_ID),
    /** The accelerator's endpoint groups, where the global stack has an accelerator. */
    PRIMARY_ENDPOINT_GROUP_ARN("PrimaryEndpointGroupArn", Stack.GLOBAL, FailoverKeys.ACCELERATOR_ENDPOINT_GROUP),
    SECONDARY_ENDPOINT_GROUP_ARN("SecondaryEndpointGroupArn", Stack.GLOBAL, FailoverKeys.ACCELERATOR_ENDPOINT_GROUP);

    /** Which stack emits an output: each regional stack for its region, or the global stack. */
    public enum Stack { REGIONAL, GLOBAL }

    private final String key;
    private final Stack stack;
    private final String resourceKey;

    FailoverOutput(String key, Stack stack, String resourceKey) {
        this.key = key;
        this.stack = stack;
        this.resourceKey = resourceKey;
    }

    /** The output's key in the stack. */
    public String key() {
        return key;
    }

    public Stack stack() {
        return stack;
    }

    /** The {@link FailoverKeys} key it fills (per region for regional outputs and the health checks). */
    public String resourceKey() {
        return resourceKey;
    }
}
