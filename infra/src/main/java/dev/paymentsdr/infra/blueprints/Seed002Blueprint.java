package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.config.InvalidContextException;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;

/**
 * Seed 002: the CloudFormation design: Lambda function URLs over a DynamoDB global table, no SQL database, emitted as
 * ONE template with the document's parameters that is deployed in each region (IsPrimaryRegion says which part).
 */
public final class Seed002Blueprint implements Blueprint {
    @Override
    public String name() {
        return "seed-002";
    }

    @Override
    public String description() {
        return "one region-agnostic CloudFormation template with the document's parameters: function URLs (reserved concurrency "
                + "parameter, default 100), DynamoDB global table, replicated transaction logs and API-keys secret, Route 53 at 30 s";
    }

    @Override
    public List<String> compose(App app, DrSettings settings, Artifacts artifacts) {
        if (settings.databaseEngine().isPresent() || settings.dns().isPresent() || settings.globalAccelerator()) {
            throw new InvalidContextException("seed-002 takes its settings as CloudFormation parameters at deploy time "
                    + "(HostedZoneName, AlertEmail, ...); it has no SQL database or accelerator: drop databaseEngine, domainName, "
                    + "hostedZoneId and globalAccelerator from the context");
        }
        new SingleTemplateStack(app, "DisasterRecovery", "payment-dr-template", artifacts);
        ProjectTags.apply(app, settings);
        return List.of("seed-002 is one template for both regions: deploy it in the secondary region first (IsPrimaryRegion=false, "
                + "the replication target must exist), then in the primary (IsPrimaryRegion=true); see the README");
    }

    @Override
    public Map<String, String> contextDefaults() {
        return Map.of("primaryRegion", "us-east-1", "secondaryRegion", "us-west-2");
    }
}
