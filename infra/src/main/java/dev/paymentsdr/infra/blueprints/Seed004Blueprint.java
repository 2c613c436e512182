package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DatabaseEngineChoice;
import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.spec.AlarmSpec;
import dev.paymentsdr.infra.spec.DatabaseSpec;
import dev.paymentsdr.infra.spec.RegionSpec;
import dev.paymentsdr.infra.spec.RegionSpec.Role;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;

/** Seed 004: Aurora MySQL global database (Serverless v2) in peered VPCs, tight alarms, Route 53 checks that follow alarms. */
public final class Seed004Blueprint implements Blueprint {
    /** The logs the document asks for, switched on in the engine (exporting them alone would export empty files). */
    static final Map<String, String> MYSQL_LOGS = Map.of("server_audit_logging", "1",
            "server_audit_events", "CONNECT,QUERY_DCL,QUERY_DDL", "general_log", "1", "slow_query_log", "1",
            "long_query_time", "1", "log_output", "FILE");

    @Override
    public String name() {
        return "seed-004";
    }

    @Override
    public String description() {
        return "Aurora MySQL global Serverless v2 (min 0.5 ACU, 7-day PITR, audit/error/general/slowquery logs on) in VPCs "
                + "10.0.0.0/16 and 10.1.0.0/16 peered across regions; alarms on lag 500 ms, CPU 80 %, 100 connections";
    }

    @Override
    public Map<String, String> contextDefaults() {
        return Map.of("primaryRegion", "us-east-1", "secondaryRegion", "us-west-2");
    }

    @Override
    public List<String> compose(App app, DrSettings settings, Artifacts artifacts) {
        Naming naming = Naming.builder(settings.environmentSuffix())
                .stacks("FinanceDr-Primary-{suffix}", "FinanceDr-Secondary-{suffix}", "FinanceDr-Failover-{suffix}")
                .pattern(Naming.Name.PEERING_STACK, "FinanceDr-PeeringRoutes-{suffix}").build();
        RegionSpec primary = RegionSpec.builder(settings.primaryRegion(), Role.PRIMARY).cidr("10.0.0.0/16").natGateways(1)
                .database(DatabaseSpec.of(documentEngine(settings, DatabaseEngineChoice.MYSQL)).serverless(0.5, 16)
                        .backupRetentionDays(7).parameters(MYSQL_LOGS))
                .withoutWebFirewall().alarms(AlarmSpec.none().replicationLag(Duration.millis(500)).database(80, 100)).build();
        RegionSpec secondary = primary.toBuilder().region(settings.secondaryRegion(), Role.SECONDARY).cidr("10.1.0.0/16").build();
        RegionPair regions = RegionPair.compose(app, settings, naming, artifacts, primary, secondary, b -> b);
        regions.peer(app, settings, naming);
        GlobalStack.Builder.create(app, "Global").settings(settings, naming).regions(regions.primary(), regions.secondary())
                .followAlarm("db-replication-lag").build();
        return RegionPair.notes(settings, "seed-004's health monitor (every minute) and failover trigger functions are not deployed yet: "
                + "their handlers come with the AWS runtime; Route 53 already follows each region's replication-lag alarm");
    }
}
