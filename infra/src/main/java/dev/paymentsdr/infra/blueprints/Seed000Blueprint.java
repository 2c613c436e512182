package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.blueprints.Naming.Name;
import dev.paymentsdr.infra.config.DatabaseEngineChoice;
import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.spec.AlarmSpec;
import dev.paymentsdr.infra.spec.DatabaseSpec;
import dev.paymentsdr.infra.spec.FunctionsSpec;
import dev.paymentsdr.infra.spec.Output;
import dev.paymentsdr.infra.spec.RegionSpec;
import dev.paymentsdr.infra.spec.RegionSpec.Role;
import dev.paymentsdr.infra.spec.ServiceSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Seed 000: payments on ECS Fargate behind ALBs, Aurora PostgreSQL global database, Route 53 failover (active-passive). */
public final class Seed000Blueprint implements Blueprint {
    @Override
    public String name() {
        return "seed-000";
    }

    @Override
    public String description() {
        return "ECS Fargate 10-50 / 2-50 behind ALBs, Aurora PostgreSQL global database (smaller DR instances), Route 53 "
                + "failover, payment-validation Lambda in both regions, replicated transaction logs, 7-day application logs";
    }

    @Override
    public Map<String, String> contextDefaults() {
        return Map.of("environmentSuffix", "prod", "primaryRegion", "us-east-1", "secondaryRegion", "us-east-2");
    }

    @Override
    public List<String> compose(App app, DrSettings settings, Artifacts artifacts) {
        Naming naming = Naming.builder(settings.environmentSuffix())
                .stacks("PaymentDRPrimary-{suffix}", "PaymentDRSecondary-{suffix}", "PaymentRoute53-{suffix}")
                .pattern(Name.ECS_CLUSTER, "payment-cluster-{suffix}").pattern(Name.ECS_SERVICE, "payment-service-{suffix}").build();
        DatabaseSpec database = DatabaseSpec.of(documentEngine(settings, DatabaseEngineChoice.POSTGRESQL)).provisioned("r6g.xlarge");
        RegionSpec primary = RegionSpec.builder(settings.primaryRegion(), Role.PRIMARY).database(database)
                .service(ServiceSpec.of(settings.primaryCapacity())).functions(FunctionsSpec.internal())
                .logRetention(RetentionDays.ONE_WEEK).alarms(AlarmSpec.none().replicationLag(Duration.minutes(5)).service())
                .outputKey(Output.LOAD_BALANCER_DNS, "LoadBalancerDNS").build();
        RegionSpec secondary = primary.toBuilder().region(settings.secondaryRegion(), Role.SECONDARY).cidr("10.1.0.0/16")
                .service(ServiceSpec.of(settings.secondaryCapacity())).database(database.provisioned("r6g.large").readers(0)).build();
        RegionPair regions = RegionPair.compose(app, settings, naming, artifacts, primary, secondary, b -> b.createZoneWhenMissing());
        GlobalStack.Builder.create(app, "Global").settings(settings, naming).regions(regions.primary(), regions.secondary()).build();
        return RegionPair.notes(settings);
    }
}
