package dev.paymentsdr.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NoncurrentVersionTransition;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * A versioned, KMS-encrypted, TLS-only bucket that replicates every object (and delete markers) to its twin in the
 * other region with Replication Time Control (15-minute SLA) and replication metrics. Both regions create one, each
 * replicating to the other, so the data flows back after a failback.
 */
public final class ReplicatedBucket extends Construct {
    /** Id of the replication rule, used as the RuleId dimension of the replication metrics. */
    public static final String RULE_ID = "replicate-to-other-region";

    private final Bucket bucket;
    private final String replicaBucketName;

    /**
     * Creates the bucket {@code bucketName}; it replicates to {@code replicaBucketName} in {@code replicaRegion},
     * encrypting replicas with the key behind {@code replicaKeyAlias} there (an alias, so no cross-region reference).
     */
    public ReplicatedBucket(Construct scope, String id, String bucketName, IKey key, IBucket accessLogs,
                            String replicaBucketName, String replicaRegion, String replicaKeyAlias) {
        super(scope, id);
        this.replicaBucketName = replicaBucketName;
        Stack stack = Stack.of(this);
        bucket = Bucket.Builder.create(this, "Bucket")
                .bucketName(bucketName)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .versioned(true)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("s3/" + bucketName + "/")
                .lifecycleRules(List.of(LifecycleRule.builder().id("age-out")
                        .transitions(List.of(
                                Transition.builder().storageClass(StorageClass.INFREQUENT_ACCESS).transitionAfter(Duration.days(30)).build(),
                                Transition.builder().storageClass(StorageClass.GLACIER).transitionAfter(Duration.days(90)).build()))
                        .noncurrentVersionTransitions(List.of(NoncurrentVersionTransition.builder()
                                .storageClass(StorageClass.GLACIER).transitionAfter(Duration.days(30)).build()))
                        .noncurrentVersionExpiration(Duration.days(365))
                        .abortIncompleteMultipartUploadAfter(Duration.days(7))
                        .build()))
                .removalPolicy(RemovalPolicy.DESTROY)
                .autoDeleteObjects(true)
                .build();

        String replicaBucketArn = "arn:" + stack.getPartition() + ":s3:::" + replicaBucketName;
        String replicaKeyAliasArn = stack.formatArn(software.amazon.awscdk.ArnComponents.builder()
                .service("kms").region(replicaRegion).resource(replicaKeyAlias).build());
        Role role = Role.Builder.create(this, "ReplicationRole")
                .assumedBy(new ServicePrincipal("s3.amazonaws.com"))
                .description("S3 cross-region replication of " + bucketName)
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetReplicationConfiguration", "s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn())).build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"))
                .resources(List.of(bucket.arnForObjects("*"))).build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"))
                .resources(List.of(replicaBucketArn + "/*")).build());
        key.grantDecrypt(role);
        // The destination key is named by alias; IAM matches the key through the kms:ResourceAliases condition.
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("kms:Encrypt", "kms:GenerateDataKey"))
                .resources(List.of(stack.formatArn(software.amazon.awscdk.ArnComponents.builder()
                        .service("kms").region(replicaRegion).resource("key").resourceName("*").build())))
                .conditions(Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", replicaKeyAlias)))
                .build());

        dev.paymentsdr.infra.nag.Nag.suppress(role, "AwsSolutions-IAM5",
                "S3 replication acts on every object of this bucket and of its twin (object ARNs end in /*); the destination key is "
                        + "matched by its alias through kms:ResourceAliases because the other region's key ARN is not known at synth time.");
        CfnBucket cfn = (CfnBucket) bucket.getNode().getDefaultChild();
        cfn.setReplicationConfiguration(CfnBucket.ReplicationConfigurationProperty.builder()
                .role(role.getRoleArn())
                .rules(List.of(CfnBucket.ReplicationRuleProperty.builder()
                        .id(RULE_ID)
                        .status("Enabled")
                        .priority(1)
                        .filter(CfnBucket.ReplicationRuleFilterProperty.builder().prefix("").build())
                        .deleteMarkerReplication(CfnBucket.DeleteMarkerReplicationProperty.builder().status("Enabled").build())
                        .sourceSelectionCriteria(CfnBucket.SourceSelectionCriteriaProperty.builder()
                                .sseKmsEncryptedObjects(CfnBucket.SseKmsEncryptedObjectsProperty.builder().status("Enabled").build())
                                .build())
                        .destination(CfnBucket.ReplicationDestinationProperty.builder()
                                .bucket(replicaBucketArn)
                                .encryptionConfiguration(CfnBucket.EncryptionConfigurationProperty.builder()
                                        .replicaKmsKeyId(replicaKeyAliasArn).build())
                                .replicationTime(CfnBucket.ReplicationTimeProperty.builder().status("Enabled")
                                        .time(CfnBucket.ReplicationTimeValueProperty.builder().minutes(15).build()).build())
                                .metrics(CfnBucket.MetricsProperty.builder().status("Enabled")
                                        .eventThreshold(CfnBucket.ReplicationTimeValueProperty.builder().minutes(15).build()).build())
                                .build())
                        .build()))
                .build());
    }

    /** The bucket in this region. */
    public Bucket bucket() {
        return bucket;
    }

    /** Name of the bucket replicas are written to. */
    public String replicaBucketName() {
        return replicaBucketName;
    }

    /** S3 replication latency (seconds, maximum over 5 minutes) towards the other region. */
    public software.amazon.awscdk.services.cloudwatch.Metric replicationLatency() {
        return software.amazon.awscdk.services.cloudwatch.Metric.Builder.create()
                .namespace("AWS/S3")
                .metricName("ReplicationLatency")
                .dimensionsMap(Map.of("SourceBucket", bucket.getBucketName(), "DestinationBucket", replicaBucketName,
                        "RuleId", RULE_ID))
                .statistic("Maximum")
                .period(Duration.minutes(5))
                .build();
    }
}
