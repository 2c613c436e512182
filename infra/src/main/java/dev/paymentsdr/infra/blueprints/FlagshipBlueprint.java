package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DrSettings;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.App;

/** The flagship: the union of every seed's components in a primary, a secondary and a global stack. */
public final class FlagshipBlueprint implements Blueprint {
    @Override
    public String name() {
        return "flagship";
    }

    @Override
    public String description() {
        return "all components of all seeds: Aurora global database, ECS service, Lambda API, queue, events, "
                + "DynamoDB global table, replicated bucket, backup, failover workflow, Route 53 failover, alarms";
    }

    @Override
    public List<String> compose(App app, DrSettings settings, Artifacts artifacts) {
        Naming naming = Naming.of("PaymentsDr", settings);
        RegionalStack.Options options = RegionalStack.Options.everything();
        RegionalStack primary = new RegionalStack(app, "Primary", settings, naming, RegionalStack.RegionRole.PRIMARY,
                artifacts, options);
        RegionalStack secondary = new RegionalStack(app, "Secondary", settings, naming, RegionalStack.RegionRole.SECONDARY,
                artifacts, options, primary);
        // The secondary cluster joins the global cluster that the primary stack creates.
        secondary.addStackDependency(primary, "the secondary Aurora cluster joins the primary's global cluster");
        new GlobalStack(app, "Global", settings, naming, primary, secondary);
        ProjectTags.apply(app, settings);

        List<String> notes = new ArrayList<>();
        if (settings.dns().isEmpty()) {
            notes.add("no domainName/hostedZoneId in the context: no certificate, no custom domain and no DNS failover records "
                    + "(health checks still watch each region's API); pass -c domainName=example.com -c hostedZoneId=Z... to add them");
        }
        if (settings.alertEmail().isEmpty()) {
            notes.add("no alertEmail in the context: alarm topics have no e-mail subscription; pass -c alertEmail=ops@example.com");
        }
        if (settings.account().isEmpty()) {
            notes.add("no account in the context or CDK_DEFAULT_ACCOUNT: stacks are synthesized account-agnostic");
        }
        return notes;
    }
}
