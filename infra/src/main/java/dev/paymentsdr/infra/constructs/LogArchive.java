package dev.paymentsdr.infra.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import dev.paymentsdr.infra.nag.Nag;
import software.constructs.Construct;

/** The bucket that receives access logs (S3 server access logs, ALB access logs) of one region. */
public final class LogArchive extends Construct {
    private final Bucket bucket;

    /** Creates the log bucket; logs expire after {@code retentionDays}. */
    public LogArchive(Construct scope, String id, int retentionDays) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Bucket")
                // ALB access logs support only SSE-S3, so this bucket cannot use the region's KMS key.
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-logs")
                        .expiration(Duration.days(retentionDays))
                        .noncurrentVersionExpiration(Duration.days(30)).build()))
                .removalPolicy(RemovalPolicy.DESTROY)
                .autoDeleteObjects(true)
                .build();
        Nag.suppress(bucket, List.of("AwsSolutions-S1", "PCI.DSS.321-S3BucketLoggingEnabled"),
                "This is the access-log bucket itself; logging it into itself would loop.");
        dev.paymentsdr.infra.nag.Checkov.skip(bucket, "CKV_AWS_18", "This is the access-log bucket of the region (S3 server access "
                + "logs and ALB logs land here); logging it into itself would loop and a second log bucket would need a third.");
        Nag.suppress(bucket, "PCI.DSS.321-S3BucketReplicationEnabled",
                "Access logs are regional evidence; the payment data bucket is the one replicated to the other region.");
        Nag.suppress(bucket, "PCI.DSS.321-S3DefaultEncryptionKMS",
                "ALB access logging only supports SSE-S3 (AES256) buckets.");
    }

    /** The bucket. */
    public Bucket bucket() {
        return bucket;
    }
}
