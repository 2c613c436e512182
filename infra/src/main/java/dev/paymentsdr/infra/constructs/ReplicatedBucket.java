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

    private ReplicatedBucket(Builder b) {
        super(b.scope, b.id);
        String bucketName = b.bucketName;
        IKey key = b.key;
        String replicaRegion = b.replicaRegion;
        String replicaKeyAlias = b.replicaKeyAlias;
        this.replicaBucketName = b.replicaBucketName;
        Stack stack = Stack.of(this);
        bucket = Bucket.Builder.create(this, "Bucket")
                .bucketName(bucketName)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .versioned(true)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .serverAccessLogsBucket(b.accessLogs)
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

        String replicaBucketArn = "arn:" + stack.getPartition() + ":s3:::" + b.replicaBucketName;
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
        CfnBucket.ReplicationConfigurationProperty replication = CfnBucket.ReplicationConfigurationProperty.builder()
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
                .build();
        cfn.setReplicationConfiguration(replication);
        if (b.replicateWhen != null) {
            // One template for both regions: only the region the condition selects replicates. Inside Fn::If the
            // configuration is written as CloudFormation renders it (cdk-nag still reads the typed property above).
            Object rendered = cloudFormationCase(stack.resolve(replication));
            cfn.addPropertyOverride("ReplicationConfiguration", Map.of("Fn::If", List.of(b.replicateWhen.getLogicalId(), rendered,
                    Map.of("Ref", "AWS::NoValue"))));
            role.getNode().findAll().stream().filter(c -> c instanceof software.amazon.awscdk.CfnResource)
                    .forEach(c -> ((software.amazon.awscdk.CfnResource) c).getCfnOptions().setCondition(b.replicateWhen));
        }
    }

    /**
     * A resolved property value with CloudFormation's key casing: struct keys start upper-case (replicaKmsKeyId is
     * the one S3 spells ReplicaKmsKeyID); intrinsic functions ({@code Fn::...}, {@code Ref}) pass unchanged.
     */
    @SuppressWarnings("unchecked")
    private static Object cloudFormationCase(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> cased = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                String key = e.getKey();
                boolean intrinsic = key.startsWith("Fn::") || key.equals("Ref");
                String casedKey = intrinsic ? key : "replicaKmsKeyId".equals(key) ? "ReplicaKmsKeyID"
                        : Character.toUpperCase(key.charAt(0)) + key.substring(1);
                cased.put(casedKey, intrinsic ? e.getValue() : cloudFormationCase(e.getValue()));
            }
            return cased;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReplicatedBucket::cloudFormationCase).toList();
        }
        return value;
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

    /** Builder of {@link ReplicatedBucket}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private String bucketName;
        private IKey key;
        private IBucket accessLogs;
        private String replicaBucketName;
        private String replicaRegion;
        private String replicaKeyAlias;
        private software.amazon.awscdk.CfnCondition replicateWhen;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts the bucket {@code id} under {@code scope}. */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** Bucket name, KMS key and the bucket that receives its access logs. */
        public Builder bucket(String name, IKey value, IBucket accessLogBucket) {
            this.bucketName = name;
            this.key = value;
            this.accessLogs = accessLogBucket;
            return this;
        }

        /**
         * Replicates to {@code bucket} in {@code region}, encrypting replicas with the key behind {@code keyAlias} there
         * (an alias, so no cross-region reference).
         */
        public Builder replicateTo(String bucket, String region, String keyAlias) {
            this.replicaBucketName = bucket;
            this.replicaRegion = region;
            this.replicaKeyAlias = keyAlias;
            return this;
        }

        /** Replicates only where {@code condition} holds (a template deployed in both regions). */
        public Builder replicateOnlyWhen(software.amazon.awscdk.CfnCondition condition) {
            this.replicateWhen = condition;
            return this;
        }

        /** Creates the bucket and its replication. */
        public ReplicatedBucket build() {
            if (bucketName == null || replicaBucketName == null) {
                throw new IllegalArgumentException("ReplicatedBucket " + id + " needs bucket(..) and replicateTo(..)");
            }
            return new ReplicatedBucket(this);
        }
    }
}
