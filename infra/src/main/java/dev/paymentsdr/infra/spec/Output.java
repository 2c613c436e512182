package dev.paymentsdr.infra.spec;

/** The stack outputs a regional stack can emit, each with its default output key. */
public enum Output {
    LOAD_BALANCER_DNS("LoadBalancerDns", "DNS name of this region's ALB"),
    SERVICE_NAME("ServiceName", "ECS service of the payment API"),
    CLUSTER_NAME("ClusterName", "ECS cluster"),
    API_URL("ApiUrl", "invoke URL of the regional payment API"),
    HEALTH_URL("HealthUrl", "readiness URL of this region"),
    FUNCTION_ARN("FunctionArn", "payment function"),
    FUNCTION_URL("FunctionUrl", "payment function URL (IAM-signed requests)"),
    QUEUE_URL("QueueUrl", "payment order queue"),
    DATABASE_CLUSTER_ID("DatabaseClusterId", "Aurora cluster of this region"),
    DATABASE_ENDPOINT("DatabaseEndpoint", "writer endpoint of this region's cluster"),
    GLOBAL_CLUSTER_ID("GlobalClusterId", "Aurora global cluster"),
    DATABASE_SECRET_NAME("DatabaseSecretName", "Secrets Manager name of the database credentials"),
    BUCKET_NAME("TransactionLogBucket", "replicated bucket"),
    BUCKET_ARN("TransactionLogBucketArn", "ARN of the replicated bucket"),
    AUDIT_BUCKET_NAME("AuditBucket", "versioned audit-log bucket"),
    ALERT_TOPIC_ARN("AlertTopicArn", "SNS topic of this region's alarms"),
    BACKUP_VAULT_NAME("BackupVaultName", "AWS Backup vault"),
    TABLE_NAME("SessionTableName", "DynamoDB global table (same name in both regions)"),
    TABLE_ARN("TableArn", "ARN of this region's replica of the global table"),
    EVENT_BUS_NAME("EventBusName", "payment event bus"),
    FAILOVER_STATE_MACHINE_ARN("FailoverStateMachineArn",
            "start with {\"mode\":\"switchover\"} (planned) or {\"mode\":\"failover\"} (region loss) to promote this region");

    private final String defaultKey;
    private final String description;

    Output(String defaultKey, String description) {
        this.defaultKey = defaultKey;
        this.description = description;
    }

    /** The key used unless a blueprint renames it. */
    public String defaultKey() {
        return defaultKey;
    }

    /** The output's description. */
    public String description() {
        return description;
    }
}
