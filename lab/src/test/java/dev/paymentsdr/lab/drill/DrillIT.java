package dev.paymentsdr.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.lab.ReplicationMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole drills on a real lab: PostgreSQL pair, two services, HAProxy, monitor and orchestrator. */
class DrillIT {
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    @org.junit.jupiter.api.AfterEach
    void showTerminal() {
        System.out.println(terminal.toString(StandardCharsets.UTF_8));
    }

    private DrillReport drill(Scenario scenario) throws InterruptedException {
        DrillSettings settings = DrillSettings.of(scenario, 1, 50, ReplicationMode.SYNC)
                .withTiming(Duration.ofSeconds(2), Duration.ofSeconds(1));
        try (DrillProgress progress = new DrillProgress(new PrintStream(terminal, true, StandardCharsets.UTF_8))) {
            List<RunResult> runs = new DrillRunner(settings, progress).runAll();
            return new DrillReport(settings, Instant.now(), "test", runs);
        }
    }

    private List<String> events(RunResult run) {
        return run.timeline().stream().map(TimelineEvent::name).toList();
    }

    @Test
    void givenARegionOutageUnderLoad_thenTheMonitorFailsOverWithNoAcknowledgedPaymentLost() throws Exception {
        DrillReport report = drill(Scenario.REGION_OUTAGE);

        RunResult run = report.runs().get(0);
        assertThat(run.outcome()).as(terminal.toString()).startsWith("COMPLETED");
        assertThat(run.acked()).isGreaterThan(50);
        assertThat(run.rpoLostAcked()).as("acknowledged payments missing on the new primary").isZero();
        assertThat(run.rtoMs()).as("RTO").isNotNull().isPositive();
        assertThat(events(run)).containsSubsequence("fault", "detected", "fenced", "promoted", "switched", "validated");
        assertThat(report.toJson().get("rto_ms").get("p95").isNumber()).isTrue();
        assertThat(terminal.toString()).contains("run 1/1").contains("ok");
    }

    @Test
    void givenAFrozenRegionUnderLoad_thenTheMonitorFailsOverWithNoAcknowledgedPaymentLostAndTheFrozenPrimaryFenced()
            throws Exception {
        DrillReport report = drill(Scenario.REGION_HANG);

        RunResult run = report.runs().get(0);
        assertThat(run.outcome()).as(terminal.toString()).startsWith("COMPLETED");
        assertThat(run.rpoLostAcked()).as("acknowledged payments missing on the new primary").isZero();
        assertThat(run.rtoMs()).as("RTO").isNotNull().isPositive().isLessThan(30_000.0);
        assertThat(events(run)).containsSubsequence("fault", "detected", "fenced", "promoted", "switched", "validated");
        assertThat(run.timeline()).filteredOn(e -> e.name().equals("fenced")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("unreachable"));
    }

    @Test
    void givenAPlannedSwitchoverUnderLoad_thenNoAcknowledgedPaymentIsLostAndTrafficMoves() throws Exception {
        DrillReport report = drill(Scenario.PLANNED_SWITCHOVER);

        RunResult run = report.runs().get(0);
        assertThat(run.outcome()).as(terminal.toString()).startsWith("COMPLETED");
        assertThat(run.rpoLostAcked()).isZero();
        assertThat(run.rtoMs()).isNotNull().isPositive();
        assertThat(events(run)).containsSubsequence("fault", "fenced", "promoted", "switched", "validated")
                .doesNotContain("detected");
    }
}
