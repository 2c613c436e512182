package dev.paymentsdr.infra.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/** The customer-managed KMS key of one region for data at rest (database, buckets, queues, topics, logs), rotated yearly. */
public final class RegionKey extends Construct {
    private final Key key;

    /** Creates the key with alias {@code alias/<aliasName>}; the alias lets the other region name it without a cross-region reference. */
    public RegionKey(Construct scope, String id, String aliasName) {
        super(scope, id);
        String region = Stack.of(this).getRegion();
        key = Key.Builder.create(this, "Key")
                .description("payments-dr data at rest in " + region)
                .alias("alias/" + aliasName)
                .enableKeyRotation(true)
                .rotationPeriod(Duration.days(365))
                .pendingWindow(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        // Services that encrypt with this key on our behalf and have no IAM role of ours to grant to.
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowRegionalServices")
                .principals(List.of(
                        new ServicePrincipal("logs." + region + ".amazonaws.com"),
                        new ServicePrincipal("cloudwatch.amazonaws.com"),
                        new ServicePrincipal("events.amazonaws.com"),
                        new ServicePrincipal("sns.amazonaws.com"),
                        new ServicePrincipal("backup.amazonaws.com")))
                .actions(List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"))
                .resources(List.of("*"))
                .build());
    }

    /** The KMS key. */
    public Key key() {
        return key;
    }
}
