package dev.paymentsdr.aws.lambda.failover.monitor;

import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_1;
import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.failover.AwsFailover;
import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.aws.lambda.LambdaEvents;
import dev.paymentsdr.aws.lambda.failover.AlertInbox;
import dev.paymentsdr.aws.lambda.failover.CapturedMetrics;
import dev.paymentsdr.aws.lambda.failover.FunctionEvents;
import dev.paymentsdr.aws.lambda.failover.LambdaTestContext;
import dev.paymentsdr.aws.lambda.failover.SettingsReader.InvalidFunctionSettingsException;
import dev.paymentsdr.aws.lambda.failover.trigger.FailoverTriggerHandler;
import dev.paymentsdr.aws.testing.MotoServer;
import dev.paymentsdr.failover.application.Sleeper;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The health monitor function against moto, invoked with EventBridge's scheduled event: metrics, alerts when a
 * threshold is crossed (once, and when it clears), and the automatic mode starting the trigger of its region after
 * N failed checks of the active region, counted across invocations in the state table.
 */
class HealthMonitorHandlerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScheduledEvent schedule = LambdaEvents.read("eventbridge-scheduled-monitor.json", ScheduledEvent.class);
    private AwsWorld world;
    private CapturedMetrics metrics;
    private AlertInbox inbox;

    @BeforeEach
    void createBothRegions() {
        world = new AwsWorld(MotoTest.server());
        metrics = new CapturedMetrics();
        inbox = new AlertInbox(MotoTest.server(), world.clients().sns(EAST_2), EAST_2,
                world.resources().region(EAST_2).alertTopicArn());
    }

    @AfterEach
    void close() {
        inbox.close();
        world.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> conditions(Map<String, Object> summary) {
        return (Map<String, Object>) summary.get("conditions");
    }

    /** A new execution environment each time: what one invocation knows of the last comes from the state table. */
    private Map<String, Object> check(RegionId region, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(world.functionEnvironment(region));
        environment.putAll(extra);
        HealthMonitorHandler monitor = new HealthMonitorHandler(environment, world.clients(), MotoTest.timeouts(),
                Clock.systemUTC(), Sleeper.system(), metrics.metrics("health-monitor"));
        return monitor.handleRequest(schedule, LambdaTestContext.of("monitor"));
    }

    @Test
    void givenHealthyRegions_thenItMeasuresBothAndTheLag_andAlertsNobody() {
        Map<String, Object> seen = check(EAST_2, Map.of());

        assertThat(seen).containsEntry("activeRegion", "us-east-1").containsEntry("activeRegionFailures", 0)
                .containsEntry("replicationLagMillis", 120L).containsEntry("conditions", Map.of());
        assertThat(seen.get("globalCluster").toString()).contains("writer us-east-1");
        assertThat(metrics.last("ServiceReady", Map.of("Region", "us-east-1", "ObservedFrom", "us-east-2"))).contains(1.0);
        assertThat(metrics.last("DatabaseWritable", Map.of("Region", "us-east-2", "ObservedFrom", "us-east-2"))).contains(0.0);
        assertThat(metrics.last("DatabaseReachable", Map.of("Region", "us-east-2", "ObservedFrom", "us-east-2"))).contains(1.0);
        assertThat(metrics.last("ReplicationLag", Map.of("Region", "us-east-2"))).contains(120.0);
        assertThat(metrics.last("RpoLag", Map.of("Region", "us-east-2"))).contains(120.0);
        assertThat(metrics.last("GlobalClusterHealthy", Map.of("ObservedFrom", "us-east-2"))).contains(1.0);
        assertThat(inbox.take()).isEmpty();
    }

    @Test
    void givenLagAboveTheThreshold_thenOneAlertWhenItIsCrossed_andNoneWhileItHolds() {
        world.setLag(EAST_2, 4000);
        Map<String, Object> crossed = check(EAST_2, Map.of("PAYMENTS_MONITOR_LAG_ALERT", "2s"));

        assertThat(conditions(crossed)).containsOnlyKeys("replication-lag");
        assertThat(inbox.take()).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("payments-dr monitor in us-east-2: replication-lag");
            assertThat(a.message().path("crossed").path("replication-lag").asText()).contains("replication lag 4000 ms")
                    .contains("above 2000 ms");
        });

        check(EAST_2, Map.of("PAYMENTS_MONITOR_LAG_ALERT", "2s"));
        assertThat(inbox.take()).isEmpty();
    }

    @Test
    void givenTheActiveRegionFailing_withoutAutomaticMode_thenItAlertsOnce_countsTheFailures_andAlertsWhenItRecovers() {
        world.regionOutage(EAST_1);
        assertThat(check(EAST_2, Map.of())).containsEntry("activeRegionFailures", 1).doesNotContainKey("automaticFailover");
        assertThat(inbox.take()).singleElement().satisfies(a -> assertThat(a.message().path("crossed")
                .path("active-region-failing").asText()).contains("us-east-1 (active) failed its readiness check 1 time(s)")
                .contains("the automatic mode is off"));
        assertThat(check(EAST_2, Map.of())).containsEntry("activeRegionFailures", 2);
        assertThat(inbox.take()).isEmpty();
        assertThat(metrics.last("ActiveRegionFailures", Map.of("ObservedFrom", "us-east-2"))).contains(2.0);

        world.regionRecovered(EAST_1);
        assertThat(check(EAST_2, Map.of())).containsEntry("activeRegionFailures", 0);
        assertThat(inbox.take()).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("payments-dr monitor in us-east-2: cleared active-region-failing");
            assertThat(a.message().path("cleared").toString()).contains("active-region-failing");
        });
    }

    @Test
    void givenAutomaticMode_whenTheActiveRegionFailsThreeChecks_thenThePassiveRegionStartsItsTriggerOnce_andTheFailoverCompletes()
            throws Exception {
        MotoServer moto = MotoTest.server();
        String function = createTriggerFunction(moto);
        Map<String, String> automatic = Map.of("PAYMENTS_MONITOR_AUTOMATIC", "true", "PAYMENTS_MONITOR_FAILURES", "3",
                "PAYMENTS_FAILOVER_TRIGGER_FUNCTION", function);
        world.regionOutage(EAST_1);
        moto.startRecording();
        try {
            assertThat(check(EAST_2, automatic)).containsEntry("activeRegionFailures", 1).doesNotContainKey("automaticFailover");
            assertThat(check(EAST_2, automatic)).containsEntry("activeRegionFailures", 2);
            Map<String, Object> third = check(EAST_2, automatic);
            assertThat(third).containsEntry("activeRegionFailures", 3);
            assertThat((String) third.get("automaticFailover")).startsWith("started failover execution fo-");
            Map<String, Object> fourth = check(EAST_2, automatic);
            assertThat(fourth).containsEntry("activeRegionFailures", 4).doesNotContainKey("automaticFailover");
            // the active region's own monitor never fails over to itself
            assertThat(check(EAST_1, automatic)).doesNotContainKey("automaticFailover");
        } finally {
            moto.stopRecording();
        }
        List<MotoServer.Recorded> invokes = moto.recorded().stream()
                .filter(r -> r.method().equals("POST") && r.url().contains("/functions/" + function + "/invocations")).toList();
        assertThat(invokes).hasSize(1);
        JsonNode event = JSON.readTree(invokes.get(0).body());
        assertThat(event.path("mode").asText()).isEqualTo("unplanned");
        assertThat(event.path("targetRegion").asText()).isEqualTo("us-east-2");
        assertThat(event.path("joinIfBusy").asBoolean()).isTrue();
        assertThat(event.path("requestedBy").asText()).isEqualTo("health monitor in us-east-2 after 3 failed checks of us-east-1");
        assertThat(metrics.values("AutomaticFailoverStarted", Map.of("ObservedFrom", "us-east-2"))).contains(1.0);
        assertThat(inbox.take()).anySatisfy(a -> assertThat(a.subject()).contains("automatic failover"));

        // Lambda delivers the event to the trigger: the failover completes, and the monitor sees the new active region
        FailoverTriggerHandler trigger = new FailoverTriggerHandler(world.functionEnvironment(EAST_2), world.clients(),
                MotoTest.timeouts(), Clock.systemUTC(), Sleeper.system(), metrics.metrics("failover-trigger"));
        Map<String, Object> outcome = FunctionEvents.invoke(trigger, invokes.get(0).body(), LambdaTestContext.of(function));
        assertThat(outcome).containsEntry("outcome", "COMPLETED").containsEntry("executionId", event.path("executionId").asText());
        Map<String, Object> after = check(EAST_2, automatic);
        assertThat(after).containsEntry("activeRegion", "us-east-2").containsEntry("activeRegionFailures", 0);
        assertThat(conditions(after)).doesNotContainKey("active-region-failing");
    }

    @Test
    void givenAutomaticModeWithoutATrigger_orAThresholdOutOfRange_thenTheMonitorCannotStart() {
        Map<String, String> environment = new HashMap<>(world.functionEnvironment(EAST_2));
        environment.put("PAYMENTS_MONITOR_AUTOMATIC", "yes");
        environment.put("PAYMENTS_MONITOR_FAILURES", "0");
        assertThatThrownBy(() -> new HealthMonitorHandler(environment, world.clients(), MotoTest.timeouts(), Clock.systemUTC(),
                Sleeper.system(), metrics.metrics("health-monitor"))).isInstanceOf(InvalidFunctionSettingsException.class)
                .hasMessageContaining("PAYMENTS_MONITOR_AUTOMATIC must be true or false, was 'yes'")
                .hasMessageContaining("PAYMENTS_MONITOR_FAILURES must be a whole number 1-100, was '0'");
        environment.put("PAYMENTS_MONITOR_AUTOMATIC", "true");
        environment.put("PAYMENTS_MONITOR_FAILURES", "3");
        assertThatThrownBy(() -> new HealthMonitorHandler(environment, world.clients(), MotoTest.timeouts(), Clock.systemUTC(),
                Sleeper.system(), metrics.metrics("health-monitor"))).hasMessageContaining("needs PAYMENTS_FAILOVER_TRIGGER_FUNCTION");
    }

    /** The trigger as a Lambda function in moto, which accepts invocations without running them (no Docker here). */
    private String createTriggerFunction(MotoServer moto) throws IOException {
        moto.configure("{\"lambda\":{\"use_docker\":false}}");
        String name = "payments-dr-failover-us-east-2-" + world.name();
        SdkBytes code = SdkBytes.fromByteArray(zip());
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).credentialsProvider(moto.credentials())
                .region(Region.AWS_GLOBAL).build()) {
            String role = iam.createRole(b -> b.roleName("trigger-" + world.name()).assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                            + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
            world.clients().lambda(EAST_2).createFunction(b -> b.functionName(name).runtime(Runtime.JAVA21).role(role)
                    .handler(dev.paymentsdr.contract.Component.FAILOVER_TRIGGER.handler())
                    .code(c -> c.zipFile(code)));
        }
        return name;
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("README"));
            zip.write("the trigger's code is not run by moto".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
