package dev.paymentsdr.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.lab.ReplicationMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every drill scenario end to end on a real lab (PostgreSQL pair streaming through 12 ms links, two services,
 * HAProxy, monitor and orchestrator), short and at a moderate rate to keep the test command lean: each must lose
 * no acknowledged payment, recover (open and closed loop), never let a fenced region acknowledge a write, and
 * leave a streaming standby where its last move rejoins one.
 */
class DrillIT {
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    @AfterEach
    void showTerminal() {
        System.out.println(terminal.toString(StandardCharsets.UTF_8));
    }

    @TempDir
    Path results;

    /** The drill's JSON as the default results folder holds it (written the way 'drctl drill' writes it). */
    private JsonNode json;

    private RunResult drill(Scenario scenario) throws Exception {
        DrillSettings settings = DrillSettings.of(scenario, 1, 40, ReplicationMode.SYNC)
                .withTiming(Duration.ofMillis(1500), Duration.ofMillis(500)).withClosedLoopClients(2);
        try (DrillProgress progress = new DrillProgress(new PrintStream(terminal, true, StandardCharsets.UTF_8))) {
            Instant started = Instant.now();
            List<RunResult> runs = new DrillRunner(settings, progress).runAll();
            DrillReport report = new DrillReport(settings, started, "test", runs);
            DrillOutputs.Written written = DrillOutputs.resolve(results, null, null, scenario, started).write(report);
            json = new ObjectMapper().readTree(written.json().toFile());
            assertThat(json.get("rto_ms").get("p95").isNumber()).isTrue();
            assertThat(written.report()).isRegularFile();
            return runs.get(0);
        }
    }

    /** The step names the drill's JSON reports for its run, and each time is a measured, non-negative figure. */
    private List<String> stepsInJson() {
        List<String> names = new java.util.ArrayList<>();
        json.get("run_details").get(0).get("step_ms").fields().forEachRemaining(f -> {
            assertThat(f.getValue().asDouble()).as(f.getKey()).isNotNegative().isLessThan(60_000.0);
            names.add(f.getKey());
        });
        names.forEach(name -> assertThat(json.get("step_ms").get(name).get("p50").asDouble())
                .isEqualTo(json.get("run_details").get(0).get("step_ms").get(name).asDouble()));
        assertThat(names).contains(json.get("slowest_step").asText());
        return names;
    }

    private static List<String> events(RunResult run) {
        return run.timeline().stream().map(TimelineEvent::name).toList();
    }

    /** Every scenario, or only those named in {@code -Ddrill.scenarios=a,b} (to rerun one while working on it). */
    static java.util.stream.Stream<Scenario> scenarios() {
        String only = System.getProperty("drill.scenarios", "");
        return only.isBlank() ? java.util.Arrays.stream(Scenario.values())
                : java.util.Arrays.stream(only.split(",")).map(String::strip).map(Scenario::parse);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("scenarios")
    void everyScenarioLosesNoAcknowledgedPaymentRecoversAndKeepsTheFencedRegionFromAcknowledgingWrites(Scenario scenario)
            throws Exception {
        RunResult run = drill(scenario);

        assertThat(run.outcome()).as(terminal.toString()).startsWith("COMPLETED");
        assertThat(run.acked()).isGreaterThan(20);
        assertThat(run.rpoLostAcked()).as("acknowledged payments missing on the new primary").isZero();
        assertThat(run.rtoMs()).as("RTO").isNotNull().isPositive().isLessThan(60_000.0);
        assertThat(run.closedLoopRtoMs()).as("closed-loop RTO").isNotNull().isPositive().isLessThan(60_000.0);
        assertThat(run.fencedRegion().acked()).as("writes acknowledged by the fenced region: %s", run.fencedRegion())
                .isZero();
        assertThat(run.fencedRegion().sent()).isPositive();
        if (scenario.endsWithStandby()) {
            assertThat(run.standby()).isNotNull();
            assertThat(run.standby().streaming()).as(run.standby().detail()).isTrue();
            assertThat(run.standby().detail()).contains("(sync)");
        }
        List<String> steps = stepsInJson();
        if (scenario.detectedByMonitor()) {
            assertThat(steps).containsSubsequence("detect", "assess", "fence", "promote", "make-ready", "switch-traffic",
                    "validate");
        } else {
            // an operator's move (or the killed failover process's, read back from the execution log)
            assertThat(steps).doesNotContain("detect").contains("fence", "promote", "switch-traffic");
        }
        if (scenario.endsWithFailback()) {
            assertThat(steps).contains("failback fence", "failback promote", "failback switch-traffic");
            assertThat(json.get("rto_ms_by_outage").get("failback").get("p50").isNumber()).isTrue();
            assertThat(json.get("run_details").get(0).get("outages")).hasSize(2);
        }
        switch (scenario) {
            case REGION_OUTAGE, DB_CRASH, DB_HANG, SERVICE_CRASH -> assertThat(events(run))
                    .containsSubsequence("fault", "detected", "fenced", "promoted", "switched", "validated");
            case REGION_HANG, NETWORK_PARTITION -> {
                assertThat(events(run)).containsSubsequence("fault", "detected", "fenced", "promoted", "switched",
                        "validated", "stale writes");
                // the orchestrator cannot reach it: fenced by the means left, before the partition heals
                assertThat(run.timeline()).filteredOn(e -> e.name().equals("fenced")).singleElement()
                        .satisfies(e -> assertThat(e.detail()).contains("unreachable"));
                if (scenario == Scenario.NETWORK_PARTITION) {
                    assertThat(events(run)).containsSubsequence("fenced", "healed", "stale writes");
                }
            }
            case PLANNED_SWITCHOVER -> assertThat(events(run))
                    .containsSubsequence("fault", "drain", "fenced", "promoted", "switched", "validated")
                    .doesNotContain("detected");
            case FAILBACK -> {
                assertThat(events(run)).containsSubsequence("drain", "promoted", "failback drain", "failback promoted",
                        "failback validated");
                assertThat(run.outages()).hasSize(2);
            }
            case FAILBACK_AFTER_OUTAGE -> {
                // the region comes back with its network before the failback
                assertThat(events(run)).containsSubsequence("fault", "detected", "fenced", "promoted", "recovered",
                        "network back", "failback", "failback drain", "failback promoted", "failback recovered");
                assertThat(run.outages()).extracting(RunResult.Outage::name).containsExactly("outage", "failback");
                assertThat(run.outages()).allSatisfy(o -> assertThat(o.openLoopRtoMs()).isNotNull());
            }
            case REPLICATION_LAG -> assertThat(events(run)).containsSubsequence("replay paused", "fault", "refused",
                    "rerun", "promoted");
            case ORCHESTRATOR_CRASH -> assertThat(events(run)).containsSubsequence("fault", "promoted",
                    "orchestrator killed", "resumed", "switched");
        }
    }
}
