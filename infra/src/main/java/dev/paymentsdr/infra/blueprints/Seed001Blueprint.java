package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.blueprints.Naming.Name;
import dev.paymentsdr.infra.config.DatabaseEngineChoice;
import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.spec.AlarmSpec;
import dev.paymentsdr.infra.spec.DatabaseSpec;
import dev.paymentsdr.infra.spec.FunctionsSpec;
import dev.paymentsdr.infra.spec.QueueSpec;
import dev.paymentsdr.infra.spec.RegionSpec;
import dev.paymentsdr.infra.spec.RegionSpec.Role;
import dev.paymentsdr.infra.spec.Threshold;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;

/** Seed 001: serverless trading platform, Aurora PostgreSQL Serverless v2, queues, events, no NAT, failover workflow. */
public final class Seed001Blueprint implements Blueprint {
    @Override
    public String name() {
        return "seed-001";
    }

    @Override
    public String description() {
        return "REST APIs and Lambda order processors over SQS, Aurora PostgreSQL Serverless v2 global database, DynamoDB global "
                + "table, config and audit buckets, event buses, Route 53 checks every 30 s, failover workflow without ECS, no NAT";
    }

    @Override
    public Map<String, String> contextDefaults() {
        return Map.of("primaryRegion", "us-east-1", "secondaryRegion", "us-east-2");
    }

    @Override
    public List<String> compose(App app, DrSettings settings, Artifacts artifacts) {
        Naming naming = Naming.builder(settings.environmentSuffix())
                .stacks("TradingDr-Primary-{suffix}", "TradingDr-Secondary-{suffix}", "TradingDr-Global-{suffix}")
                .pattern(Name.ALERT_TOPIC, "trading-alerts-{region}-{suffix}").pattern(Name.QUEUE, "trade-orders-{region}-{suffix}")
                .pattern(Name.BUCKET, "trading-config-{account}-{region}-{suffix}").build();
        RegionSpec primary = RegionSpec.builder(settings.primaryRegion(), Role.PRIMARY).natGateways(0)
                .database(DatabaseSpec.of(documentEngine(settings, DatabaseEngineChoice.POSTGRESQL)).serverless(0.5, 16))
                .functions(FunctionsSpec.restApi()).queue(QueueSpec.standard()).globalTable().auditBucket().eventBus()
                .failoverWorkflow()
                .alarms(AlarmSpec.none().replicationLag(Duration.millis(1000)).apiLatencyP99(Duration.millis(1000))
                        .functionErrors(Threshold.atLeast(5, Duration.minutes(1))).bucketReplicationLatency(Duration.minutes(15)))
                .build();
        RegionSpec secondary = primary.toBuilder().region(settings.secondaryRegion(), Role.SECONDARY).cidr("10.1.0.0/16").build();
        RegionPair regions = RegionPair.compose(app, settings, naming, artifacts, primary, secondary, b -> b);
        GlobalStack.Builder.create(app, "Global").settings(settings, naming).regions(regions.primary(), regions.secondary())
                .healthChecks(30, 3).build();
        return RegionPair.notes(settings, "seed-001's hourly failover-readiness test function is not deployed yet: its handler comes "
                + "with the AWS runtime's readiness tester; the failover workflow validates /health/ready meanwhile");
    }
}
