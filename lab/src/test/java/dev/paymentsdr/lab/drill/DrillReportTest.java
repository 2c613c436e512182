package dev.paymentsdr.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paymentsdr.lab.ReplicationMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillReportTest {
    private static RunResult run(int n, Double rto, List<String> lost) {
        return new RunResult(n, rto, lost, 0, 100, 90, 10, "COMPLETED", List.of(new TimelineEvent("fault", 1000, "kill"),
                new TimelineEvent("promoted", 2500, "pg_promote")), List.of(new RunResult.Bucket(0, 5, 1)),
                rto == null ? null : rto + 500, List.of(new RunResult.Outage("outage", "fault", 1000, rto,
                        rto == null ? null : rto + 500)), new RunResult.FencedWrites("us-east-1", 10, 0, "{503=10}"), null,
                StepTimes.none());
    }

    private DrillReport report(List<RunResult> runs) {
        return new DrillReport(DrillSettings.of(Scenario.REGION_OUTAGE, runs.size(), 200, ReplicationMode.SYNC),
                Instant.parse("2026-01-01T00:00:00Z"), "drctl drill --scenario region-outage", runs);
    }

    @Test
    void percentilesUseTheNearestRankOverTwentyRuns() {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            runs.add(run(i, i * 100.0, List.of()));
        }
        DrillReport report = report(runs);
        assertThat(report.rtoPercentile(50)).isEqualTo(1000.0);
        assertThat(report.rtoPercentile(95)).isEqualTo(1900.0);
        assertThat(report.rtoPercentile(100)).isEqualTo(2000.0);
    }

    @Test
    void theJsonHasTheFieldsTheIssueAsksFor() {
        JsonNode json = report(List.of(run(1, 3000.0, List.of()), run(2, null, List.of("k7")))).toJson();
        assertThat(json.get("scenario").asText()).isEqualTo("region-outage");
        assertThat(json.get("replication").asText()).isEqualTo("sync");
        assertThat(json.get("runs").asInt()).isEqualTo(2);
        assertThat(json.get("rto_ms").get("p50").asDouble()).isEqualTo(3000.0);
        assertThat(json.get("rto_ms").get("max").asDouble()).isEqualTo(3000.0);
        assertThat(json.get("rpo_lost_acked").get("per_run").toString()).isEqualTo("[0,1]");
        assertThat(json.get("rpo_lost_acked").get("total").asInt()).isEqualTo(1);
        assertThat(json.get("acked").asInt()).isEqualTo(180);
        assertThat(json.get("failed_requests").asInt()).isEqualTo(20);
        assertThat(json.get("run_details").get(1).get("rto_ms").isNull()).isTrue();
        assertThat(json.get("run_details").get(0).get("timeline").get(1).get("event").asText()).isEqualTo("promoted");
        assertThat(report(List.of(run(1, null, List.of()))).everyRunRecovered()).isFalse();
    }

    @Test
    void theHtmlReportIsOneSelfContainedFileWithAChartAndTheFigures() {
        String html = HtmlReport.render(report(List.of(run(1, 3000.0, List.of()))));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("class=\"ok\"").contains("class=\"fail\"")
                .contains(">promoted</text>").contains("RTO p95 (ms)").contains("3000");
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=\"http");
    }

    private static RunResult withSteps(int n, double detect, double promote, double fence) {
        return run(n, 3000.0, List.of()).withSteps(new StepTimes(new java.util.LinkedHashMap<>(java.util.Map.of(
                "detect", detect, "fence", fence, "promote", promote))));
    }

    @Test
    void givenFiveRunsWithKnownStepTimes_thenEachStepHasItsNearestRankPercentilesAndTheSlowestIsNamed() {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            // detect 1800..2200, promote 100..500 (run 5's promote 2500 makes its max and p95, not its median)
            runs.add(withSteps(i, 1700.0 + i * 100, i == 5 ? 2500.0 : i * 100.0, 50.0));
        }
        runs.add(run(6, 3000.0, List.of())); // a run whose steps could not be read counts in no step
        DrillReport report = report(runs);

        assertThat(report.stepSummaries()).containsExactly(
                new DrillReport.StepSummary("detect", 5, 2000.0, 2200.0, 2200.0),
                new DrillReport.StepSummary("fence", 5, 50.0, 50.0, 50.0),
                new DrillReport.StepSummary("promote", 5, 300.0, 2500.0, 2500.0));
        assertThat(report.slowestStep()).map(DrillReport.StepSummary::step).contains("detect");

        JsonNode json = report.toJson();
        assertThat(json.get("step_ms").get("promote").get("p50").asDouble()).isEqualTo(300.0);
        assertThat(json.get("step_ms").get("promote").get("p95").asDouble()).isEqualTo(2500.0);
        assertThat(json.get("step_ms").get("detect").get("runs").asInt()).isEqualTo(5);
        assertThat(json.get("slowest_step").asText()).isEqualTo("detect");
        assertThat(json.get("run_details").get(1).get("step_ms").get("promote").asDouble()).isEqualTo(200.0);
        assertThat(json.get("run_details").get(5).get("step_ms").size()).isZero();

        String text = DrillCommand.summary(report);
        assertThat(text).containsPattern("detect\\s+2000\\s+2200\\s+2200\\s+5  <- slowest")
                .containsPattern("promote\\s+300\\s+2500\\s+2500\\s+5");
        assertThat(HtmlReport.render(report)).contains("<h2>Failover steps</h2>")
                .contains("<tr class=\"slowest\"><td class=\"l\">detect (slowest)</td><td>5</td><td>2000</td><td>2200</td>");
    }

    @Test
    void givenNoStepRan_thenThereIsNoSlowestStep() {
        DrillReport report = report(List.of(run(1, 3000.0, List.of())));
        assertThat(report.slowestStep()).isEmpty();
        assertThat(report.toJson().get("slowest_step").isNull()).isTrue();
        assertThat(HtmlReport.render(report)).doesNotContain("Failover steps");
    }

    @Test
    void givenFailbackRuns_thenBothOutagesAreReportedInTheTerminalTheJsonAndTheHtml() {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            RunResult one = run(i, 900.0 * i, List.of());
            runs.add(new RunResult(i, one.rtoMs(), one.lostAckedKeys(), 0, 100, 90, 10, "COMPLETED", one.timeline(),
                    one.buckets(), one.closedLoopRtoMs(), List.of(new RunResult.Outage("outage", "fault", 1000, 900.0 * i, 950.0),
                    new RunResult.Outage("failback", "failback drain", 9000, 400.0 * i, 450.0)), one.fencedRegion(), null,
                    StepTimes.none()));
        }
        DrillReport report = report(runs);

        assertThat(report.outageNames()).containsExactly("outage", "failback");
        JsonNode json = report.toJson();
        assertThat(json.get("rto_ms_by_outage").get("failback").get("max").asDouble()).isEqualTo(800.0);
        assertThat(json.get("rto_ms_by_outage").get("outage").get("p50").asDouble()).isEqualTo(900.0);
        assertThat(json.get("run_details").get(1).get("outages").get(1).get("rto_ms").asDouble()).isEqualTo(800.0);
        assertThat(DrillCommand.summary(report)).contains("RTO by outage: outage p50 900 ms, p95 1800 ms, max 1800 ms;"
                + " failback p50 400 ms, p95 800 ms, max 800 ms");
        assertThat(HtmlReport.render(report)).contains("<h2>Outages</h2>")
                .contains("RTO p50 / p95 / max, failback (ms)</td><td>400 / 800 / 800")
                .contains("<td class=\"l\">failback</td><td class=\"l\">failback drain</td><td>9000</td><td>800</td>");
    }

    @Test
    void textInTheHtmlReportIsEscaped() {
        assertThat(HtmlReport.esc("<b>\"x\" & 'y'</b>")).isEqualTo("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
    }
}
