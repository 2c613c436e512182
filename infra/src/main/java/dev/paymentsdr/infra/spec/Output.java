package dev.paymentsdr.infra.spec;

import dev.paymentsdr.contract.FailoverOutput;
import java.util.Optional;

/**
 * The stack outputs a regional stack can emit, each with its default output key. The ones the failover reads carry
 * the contract's key ({@link FailoverOutput}); when a blueprint renames one for its document, the stack emits it
 * under the contract's key too.
 */
public enum Output {
    LOAD_BALANCER_DNS(FailoverOutput.LOAD_BALANCER_DNS, "DNS name of this region's ALB"),
    RECORD_TARGET(FailoverOutput.RECORD_TARGET, "what this region's failover record aliases (its ALB or API custom domain)"),
    RECORD_TARGET_ZONE(FailoverOutput.RECORD_TARGET_ZONE, "the hosted zone id of that alias target"),
    LOAD_BALANCER_ZONE(FailoverOutput.LOAD_BALANCER_ZONE, "canonical hosted zone id of this region's ALB (failover record targets)"),
    SERVICE_NAME(FailoverOutput.SERVICE_NAME, "ECS service of the payment API"),
    CLUSTER_NAME(FailoverOutput.CLUSTER_NAME, "ECS cluster"),
    MIN_TASKS(FailoverOutput.MIN_TASKS, "the payment service's minimum task count in this region"),
    API_URL("ApiUrl", "invoke URL of the regional payment API"),
    HEALTH_URL(FailoverOutput.HEALTH_URL, "readiness URL of this region"),
    FUNCTION_ARN("FunctionArn", "payment function"),
    FUNCTION_URL("FunctionUrl", "payment function URL (IAM-signed requests)"),
    QUEUE_URL("QueueUrl", "payment order queue"),
    OUTBOX_RELAY("OutboxRelayFunction", "the outbox relay (every minute): payment events to the event bus and the transaction-log bucket"),
    DATABASE_CLUSTER_ID(FailoverOutput.DATABASE_CLUSTER_ID, "Aurora cluster of this region"),
    DATABASE_ENDPOINT("DatabaseEndpoint", "writer endpoint of this region's cluster"),
    GLOBAL_CLUSTER_ID(FailoverOutput.GLOBAL_CLUSTER_ID, "Aurora global cluster"),
    DATABASE_SECRET_NAME("DatabaseSecretName", "Secrets Manager name of the database credentials"),
    BUCKET_NAME("TransactionLogBucket", "replicated bucket"),
    BUCKET_ARN("TransactionLogBucketArn", "ARN of the replicated bucket"),
    AUDIT_BUCKET_NAME("AuditBucket", "versioned audit-log bucket"),
    ALERT_TOPIC_ARN(FailoverOutput.ALERT_TOPIC_ARN, "SNS topic of this region's alarms"),
    BACKUP_VAULT_NAME("BackupVaultName", "AWS Backup vault"),
    TABLE_NAME("SessionTableName", "DynamoDB global table (same name in both regions)"),
    TABLE_ARN("TableArn", "ARN of this region's replica of the global table"),
    EVENT_BUS_NAME("EventBusName", "payment event bus"),
    FAILOVER_STATE_TABLE(FailoverOutput.STATE_TABLE, "DynamoDB global table of the failover lease and execution log (keys pk, sk; TTL expiresAt)"),
    FAILOVER_TRIGGER("FailoverTriggerFunction", "invoke with {\"mode\":\"planned\"|\"unplanned\"|\"failback\"} to activate this region"),
    HEALTH_MONITOR("HealthMonitorFunction", "the health monitor (every minute)"),
    READINESS_TESTER("ReadinessTesterFunction", "the failover readiness test (hourly); invoke it for a check now"),
    FAILOVER_STATE_MACHINE_ARN("FailoverStateMachineArn",
            "start with {\"mode\":\"planned\"|\"unplanned\"|\"failback\"} to promote this region through the failover trigger");

    private final String defaultKey;
    private final String description;
    private final FailoverOutput failover;

    Output(String defaultKey, String description) {
        this.defaultKey = defaultKey;
        this.description = description;
        this.failover = null;
    }

    Output(FailoverOutput failover, String description) {
        this.defaultKey = failover.key();
        this.description = description;
        this.failover = failover;
    }

    /** The key used unless a blueprint renames it. */
    public String defaultKey() {
        return defaultKey;
    }

    /** The output's description. */
    public String description() {
        return description;
    }

    /** The contract's output, when the failover reads this one. */
    public Optional<FailoverOutput> failover() {
        return Optional.ofNullable(failover);
    }
}
