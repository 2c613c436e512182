package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DatabaseEngineChoice;
import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.spec.AlarmSpec;
import dev.paymentsdr.infra.spec.DatabaseSpec;
import dev.paymentsdr.infra.spec.FunctionsSpec;
import dev.paymentsdr.infra.spec.QueueSpec;
import dev.paymentsdr.infra.spec.RegionSpec;
import dev.paymentsdr.infra.spec.RegionSpec.Role;
import dev.paymentsdr.infra.spec.ServiceSpec;
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
        Naming naming = Naming.of(settings.environmentSuffix());
        RegionSpec primary = RegionSpec.builder(settings.primaryRegion(), Role.PRIMARY)
                .database(DatabaseSpec.of(settings.databaseEngine().orElse(DatabaseEngineChoice.POSTGRESQL)))
                .service(ServiceSpec.of(settings.primaryCapacity())).functions(FunctionsSpec.restApi()).queue(QueueSpec.standard())
                .eventBus().globalTable().backup().failoverWorkflow().alarms(AlarmSpec.flagship())
                .build();
        RegionSpec secondary = primary.toBuilder().region(settings.secondaryRegion(), Role.SECONDARY).cidr("10.1.0.0/16")
                .service(ServiceSpec.of(settings.secondaryCapacity())).build();
        RegionPair regions = RegionPair.compose(app, settings, naming, artifacts, primary, secondary, b -> b);
        GlobalStack.Builder.create(app, "Global").settings(settings, naming).regions(regions.primary(), regions.secondary()).build();
        return RegionPair.notes(settings);
    }
}
