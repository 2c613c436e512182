package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.constructs.VpcPeering;
import dev.paymentsdr.infra.spec.RegionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awscdk.App;

/** The primary and secondary stacks of a blueprint, composed from one spec each; the secondary joins the primary. */
public record RegionPair(RegionalStack primary, RegionalStack secondary) {
    /**
     * Creates the primary stack from {@code primary} and the secondary from {@code secondary} (deployed after the
     * primary, whose global cluster and secrets it joins); {@code options} adds the blueprint's stack options to both.
     */
    public static RegionPair compose(App app, DrSettings settings, Naming naming, Artifacts artifacts, RegionSpec primary,
                                     RegionSpec secondary, UnaryOperator<RegionalStack.Builder> options) {
        RegionalStack first = options.apply(RegionalStack.Builder.create(app, "Primary")
                .spec(primary).settings(settings).naming(naming).artifacts(artifacts)).build();
        RegionalStack second = options.apply(RegionalStack.Builder.create(app, "Secondary")
                .spec(secondary).settings(settings).naming(naming).artifacts(artifacts).writer(first)).build();
        second.addStackDependency(first, "the secondary joins the primary's global cluster, table and secrets");
        // Tags are an aspect of the app: they also reach the stacks the blueprint adds after this.
        ProjectTags.apply(app, settings);
        return new RegionPair(first, second);
    }

    /**
     * Peers the two VPCs across regions: the secondary requests the connection and routes to the primary's CIDR; a
     * small stack in the primary region (deployed after the secondary) adds the routes back; each database accepts
     * the other region's CIDR on its port (the inter-region security group rule).
     */
    public void peer(App app, DrSettings settings, Naming naming) {
        VpcPeering peering = VpcPeering.Builder.create(secondary, "Peering")
                .vpc(secondary.network().vpc().getVpcId(), secondary.network().privateRouteTableIds())
                .peer(primary.network().vpc().getVpcId(), primary.getRegion(), primary.spec().cidr()).build();
        software.amazon.awscdk.Stack routes = new software.amazon.awscdk.Stack(app, "PeeringRoutes", software.amazon.awscdk.StackProps.builder()
                .stackName(naming.of(Naming.Name.PEERING_STACK))
                .description("payments-dr routes from the primary VPC to the peered secondary VPC (" + naming.suffix() + ")")
                .env(software.amazon.awscdk.Environment.builder().account(settings.account().orElse(null)).region(primary.getRegion()).build())
                .crossRegionReferences(true)
                .build());
        VpcPeering.routes(routes, "RouteToSecondary", primary.network().privateRouteTableIds(),
                peering.connectionId(), secondary.spec().cidr());
        routes.addStackDependency(secondary, "the peering connection is requested by the secondary stack");
        primary.database().ifPresent(db -> db.allowFromCidr(secondary.spec().cidr(), "the secondary region over VPC peering"));
        secondary.database().ifPresent(db -> db.allowFromCidr(primary.spec().cidr(), "the primary region over VPC peering"));
    }

    /** The notes every two-region blueprint gives: what is left out without a domain, an e-mail or an account. */
    public static List<String> notes(DrSettings settings, String... blueprintNotes) {
        List<String> notes = new ArrayList<>(List.of(blueprintNotes));
        if (settings.dns().isEmpty()) {
            notes.add("no domainName/hostedZoneId in the context: no certificate, no custom domain and no DNS failover records "
                    + "(health checks still watch each region); pass -c domainName=example.com -c hostedZoneId=Z... to add them");
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
