package dev.paymentsdr.aws.lambda.failover.readiness;

import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_1;
import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.paymentsdr.aws.failover.state.StateTable;
import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.aws.lambda.LambdaEvents;
import dev.paymentsdr.aws.lambda.failover.AlertInbox;
import dev.paymentsdr.aws.lambda.failover.CapturedMetrics;
import dev.paymentsdr.aws.lambda.failover.LambdaTestContext;
import dev.paymentsdr.aws.lambda.failover.SettingsReader.InvalidFunctionSettingsException;
import dev.paymentsdr.contract.KeyValues;
import dev.paymentsdr.failover.application.Sleeper;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

/**
 * The readiness tester against moto, invoked with EventBridge's scheduled event from us-east-1: canaries through
 * the global table and the replicated buckets (moto replicates nothing, so a stand-in copies them as AWS would, or
 * does not), both regions' database and API, a dry run of the failover; the verdict as a metric and an alert.
 */
class ReadinessTestHandlerIT {
    private final ScheduledEvent hourly = LambdaEvents.read("eventbridge-scheduled-readiness.json", ScheduledEvent.class);
    private AwsWorld world;
    private CapturedMetrics metrics;
    private AlertInbox inbox;
    private String table;
    private final Map<RegionId, String> buckets = new LinkedHashMap<>();

    @BeforeEach
    void createBothRegions() {
        world = new AwsWorld(MotoTest.server());
        metrics = new CapturedMetrics();
        inbox = new AlertInbox(MotoTest.server(), world.clients().sns(EAST_1), EAST_1,
                world.resources().region(EAST_1).alertTopicArn());
        table = "payments-dr-sessions-" + world.name();
        for (RegionId region : List.of(EAST_1, EAST_2)) {
            world.clients().dynamoDb(region).createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName(StateTable.PK).attributeType(ScalarAttributeType.S),
                            a -> a.attributeName(StateTable.SK).attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName(StateTable.PK).keyType(KeyType.HASH),
                            k -> k.attributeName(StateTable.SK).keyType(KeyType.RANGE)));
            String bucket = "pdr-txlog-" + region + "-" + world.name();
            world.clients().s3(region).createBucket(b -> {
                b.bucket(bucket);
                if (!region.equals(EAST_1)) {
                    b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region.name())));
                }
            });
            buckets.put(region, bucket);
        }
    }

    @AfterEach
    void close() {
        inbox.close();
        world.close();
    }

    private Map<String, Object> test(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(world.functionEnvironment(EAST_1));
        environment.put("PAYMENTS_READINESS_TABLE", table);
        Map<String, String> named = new LinkedHashMap<>();
        buckets.forEach((r, b) -> named.put(r.name(), b));
        environment.put("PAYMENTS_READINESS_BUCKETS", KeyValues.encode(named));
        environment.putAll(extra);
        ReadinessTestHandler tester = new ReadinessTestHandler(environment, world.clients(), MotoTest.timeouts(),
                Clock.systemUTC(), Sleeper.system(), metrics.metrics("readiness-tester"));
        return tester.handleRequest(hourly, LambdaTestContext.of("readiness"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> checks(Map<String, Object> verdict) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        ((List<Map<String, Object>>) verdict.get("checks")).forEach(c -> byName.put((String) c.get("name"), c));
        return byName;
    }

    @Test
    void givenReplicationAndBothRegionsWorking_thenEveryCheckPassesWithItsTime_andTheVerdictIsReady() {
        Map<String, Object> verdict;
        try (StandInReplication replication = new StandInReplication(world.clients(), table, buckets)) {
            verdict = test(Map.of());
        }

        assertThat(verdict).containsEntry("verdict", "ready").containsEntry("observedFrom", "us-east-1");
        Map<String, Map<String, Object>> checks = checks(verdict);
        assertThat(checks).containsOnlyKeys("global-table-canary", "bucket-canary", "database-us-east-1", "api-us-east-1",
                "database-us-east-2", "api-us-east-2", "failover-dry-run");
        assertThat(checks.values()).allSatisfy(c -> {
            assertThat(c.get("passed")).as(c.toString()).isEqualTo(true);
            assertThat(((Number) c.get("millis")).longValue()).isNotNegative();
        });
        assertThat(checks.get("global-table-canary").get("detail").toString()).contains("written in us-east-1 was read in us-east-2");
        assertThat(checks.get("bucket-canary").get("detail").toString()).contains("was found in " + buckets.get(EAST_2));
        assertThat(checks.get("database-us-east-2").get("detail").toString()).contains("role standby");
        assertThat(checks.get("failover-dry-run").get("detail").toString())
                .contains("unplanned failover from us-east-1 to us-east-2 would proceed");
        assertThat(metrics.last("ReadinessVerdict", Map.of("ObservedFrom", "us-east-1"))).contains(1.0);
        assertThat(metrics.last("CheckDuration", Map.of("Check", "bucket-canary"))).isPresent();
        assertThat(inbox.take()).isEmpty();
    }

    @Test
    void givenNoReplication_thenBothCanariesFailAfterTheirDeadline_theVerdictIsNotReady_andAnAlertNamesThem() {
        Map<String, Object> verdict = test(Map.of("PAYMENTS_READINESS_REPLICATION_TIMEOUT", "1s"));

        assertThat(verdict).containsEntry("verdict", "not ready");
        Map<String, Map<String, Object>> checks = checks(verdict);
        assertThat(checks.get("global-table-canary")).containsEntry("passed", false);
        assertThat(checks.get("global-table-canary").get("detail").toString())
                .contains("canary item written in us-east-1 appearing in table " + table + " in us-east-2 did not happen within 1 s");
        assertThat(checks.get("bucket-canary").get("detail").toString()).contains("did not happen within 1 s");
        assertThat(checks.get("api-us-east-1")).containsEntry("passed", true);
        assertThat(metrics.last("ReadinessVerdict", Map.of("ObservedFrom", "us-east-1"))).contains(0.0);
        assertThat(metrics.last("CheckPassed", Map.of("Check", "global-table-canary"))).contains(0.0);
        assertThat(inbox.take()).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("payments-dr failover readiness from us-east-1 FAILED: global-table-canary, bucket-canary");
            assertThat(a.message().path("verdict").asText()).isEqualTo("not ready");
        });
    }

    @Test
    void givenARegionDownOrALaggingSecondary_thenItsChecksFail_sayingWhat() {
        world.regionOutage(EAST_2);
        world.setLag(EAST_2, 60_000);
        Map<String, Object> verdict;
        try (StandInReplication replication = new StandInReplication(world.clients(), table, buckets)) {
            verdict = test(Map.of());
        }

        Map<String, Map<String, Object>> checks = checks(verdict);
        assertThat(checks.get("database-us-east-2").get("detail").toString()).contains("cannot reach its database");
        assertThat(checks.get("api-us-east-2").get("detail").toString()).contains("answered HTTP 503");
        assertThat(checks.get("database-us-east-1")).containsEntry("passed", true);
        assertThat(checks.get("failover-dry-run").get("detail").toString()).contains("would be refused now").contains("exceeds");
        assertThat(verdict).containsEntry("verdict", "not ready");
    }

    @Test
    void givenOneBucketOnly_thenTheTesterCannotStart() {
        Map<String, String> environment = new HashMap<>(world.functionEnvironment(EAST_1));
        environment.put("PAYMENTS_READINESS_BUCKETS", "us-east-1=" + buckets.get(EAST_1));
        environment.put("PAYMENTS_READINESS_REPLICATION_TIMEOUT", "forever");
        assertThatThrownBy(() -> new ReadinessTestHandler(environment, world.clients(), MotoTest.timeouts(), Clock.systemUTC(),
                Sleeper.system(), metrics.metrics("readiness-tester"))).isInstanceOf(InvalidFunctionSettingsException.class)
                .hasMessageContaining("must name the bucket of both regions")
                .hasMessageContaining("PAYMENTS_READINESS_REPLICATION_TIMEOUT must be");
    }
}
