package dev.paymentsdr.infra.constructs;

import dev.paymentsdr.infra.nag.Nag;
import java.util.List;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.secretsmanager.ReplicaRegion;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * Credentials of an outside party (e.g. the payment provider's API keys), created with a generated placeholder that
 * the operator replaces, KMS-encrypted and replicated to the other region so that it survives a region loss.
 */
public final class ReplicatedSecret extends Construct {
    private final Secret secret;

    /**
     * Creates secret {@code name} replicated to {@code replicaRegion}; with {@code createWhen} only where it holds
     * (the primary's deployment of a shared template; the other region then holds the replica).
     */
    public ReplicatedSecret(Construct scope, String id, String name, String replicaRegion, IKey key, CfnCondition createWhen) {
        this(scope, id, name, replicaRegion, key, createWhen, "API credentials; replace the generated value with the provider's (update-secret)",
                "These are credentials issued by an outside payment provider: only the provider can rotate them, so rotation is the "
                        + "operator's update-secret, not a rotation function; the secret is encrypted with this region's customer key.");
    }

    /**
     * As above, with the secret's {@code description} and the reason it has no rotation function ({@code whyNoRotation}, for
     * cdk-nag), for secrets whose values someone other than an outside provider issues.
     */
    public ReplicatedSecret(Construct scope, String id, String name, String replicaRegion, IKey key, CfnCondition createWhen,
                            String description, String whyNoRotation) {
        super(scope, id);
        secret = Secret.Builder.create(this, "Secret")
                .secretName(name)
                .description(description)
                .encryptionKey(key)
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"apiKey\":\"replace-me\"}").generateStringKey("apiSecret").excludePunctuation(true).build())
                .replicaRegions(List.of(ReplicaRegion.builder().region(replicaRegion).build()))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        if (createWhen != null) {
            ((CfnResource) secret.getNode().getDefaultChild()).getCfnOptions().setCondition(createWhen);
        }
        Nag.suppress(secret, List.of("AwsSolutions-SMG4", "PCI.DSS.321-SecretsManagerRotationEnabled"), whyNoRotation);
    }

    /** The secret in this region. */
    public Secret secret() {
        return secret;
    }
}
