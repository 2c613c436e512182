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
                        rto == null ? null : rto + 500)), new RunResult.FencedWrites("us-east-1", 10, 0, "{503=10}"), null);
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

    @Test
    void textInTheHtmlReportIsEscaped() {
        assertThat(HtmlReport.esc("<b>\"x\" & 'y'</b>")).isEqualTo("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
    }
}
