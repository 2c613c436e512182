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
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;

/** Seed 003: the full stack: 3 AZs with NAT each, provisioned Aurora PostgreSQL 14, APIs with custom domains, Global Accelerator. */
public final class Seed003Blueprint implements Blueprint {
    @Override
    public String name() {
        return "seed-003";
    }

    @Override
    public String description() {
        return "3 AZs with a NAT gateway each, provisioned Aurora PostgreSQL 14 (writer + reader per region), DynamoDB global table, "
                + "S3 with RTC, payment and health functions, API custom domains, events with DLQ, backup copies, Route 53 and "
                + "a Global Accelerator that fails over by health; destroyable by default";
    }

    @Override
    public Map<String, String> contextDefaults() {
        return Map.of("primaryRegion", "us-east-1", "secondaryRegion", "us-east-2", "deletionProtection", "false");
    }

    @Override
    public List<String> compose(App app, DrSettings settings, Artifacts artifacts) {
        Naming naming = Naming.builder(settings.environmentSuffix())
                .stacks("disaster-recovery-primary-{suffix}", "disaster-recovery-secondary-{suffix}", "disaster-recovery-global-{suffix}")
                .pattern(Name.TABLE, "dr-payments-{suffix}").pattern(Name.DB_CLUSTER, "dr-aurora-{region}-{suffix}")
                .pattern(Name.BUCKET, "dr-payment-data-{region}-{suffix}").pattern(Name.FUNCTION, "dr-payment-processor-{region}-{suffix}")
                .pattern(Name.HEALTH_FUNCTION, "dr-health-check-{region}-{suffix}")
                .pattern(Name.ENTRY_FUNCTION, "dr-payment-entry-{region}-{suffix}").build();
        DatabaseSpec database = DatabaseSpec.of(documentEngine(settings, DatabaseEngineChoice.POSTGRESQL)).version("14.17", "14")
                .provisioned("r6g.large").readers(1);
        RegionSpec primary = RegionSpec.builder(settings.primaryRegion(), Role.PRIMARY).natGateways(3).database(database)
                .functions(FunctionsSpec.restApi().withHealthFunction()).globalTable().eventBus().backup().failoverWorkflow()
                .alarms(AlarmSpec.flagship().service(false)).outputKey(Output.API_URL, "ApiEndpoint").outputKey(Output.HEALTH_URL, "HealthCheckUrl")
                .outputKey(Output.TABLE_NAME, "DynamoDbTable").outputKey(Output.DATABASE_ENDPOINT, "AuroraEndpoint")
                .outputKey(Output.BUCKET_NAME, "S3Bucket").build();
        RegionSpec secondary = primary.toBuilder().region(settings.secondaryRegion(), Role.SECONDARY).cidr("10.1.0.0/16").build();
        RegionPair regions = RegionPair.compose(app, settings, naming, artifacts, primary, secondary, b -> b.functionLoadBalancer().accelerated());
        GlobalStack.Builder.create(app, "Global").settings(settings, naming).regions(regions.primary(), regions.secondary())
                .accelerator(100).outputKeys("Route53FailoverDomain", "GlobalAcceleratorDns").build();
        return RegionPair.notes(settings);
    }
}
