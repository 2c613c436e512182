package dev.paymentsdr.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunResultTest {
    private static final long MS = 1_000_000;

    private static RequestRecord req(long seq, long sentMs, long endMs, int status) {
        return new RequestRecord(seq, "k" + seq, sentMs * MS, endMs * MS, status, status == 201 ? "id" + seq : null);
    }

    private final List<RequestRecord> records = List.of(
            req(1, 0, 10, 201),
            req(2, 950, 1020, 201),     // sent before the fault, acknowledged after it: not a recovery
            req(3, 1100, 1105, 503),
            req(4, 1200, 4000, 0),
            req(5, 3000, 3400, 201),    // first acknowledgement of a payment sent after the fault
            req(6, 3500, 3450, 201));

    @Test
    void theRtoRunsFromTheFaultToTheFirstAcknowledgementOfAPaymentSentAfterIt() {
        RunResult result = RunResult.measure(1, records, List.of(new TimelineEvent("fault", 1000, "kill")),
                Set.of("k1", "k2", "k5", "k6"), "COMPLETED");
        assertThat(result.rtoMs()).isEqualTo(2400.0);
        assertThat(result.timeline()).extracting(TimelineEvent::name).containsExactly("fault", "recovered");
    }

    @Test
    void aPlannedSwitchoverIsMeasuredFromTheDrain() {
        RunResult result = RunResult.measure(1, records, List.of(new TimelineEvent("fault", 500, "asked"),
                new TimelineEvent("drain", 1000, "fence")), Set.of("k1", "k2", "k5", "k6"), "COMPLETED");
        assertThat(result.rtoMs()).isEqualTo(2400.0);
    }

    @Test
    void closedLoopClientsGetTheirOwnRtoAndAFailbackIsASecondOutageAndTheWorstIsTheRunsRto() {
        List<RequestRecord> both = new java.util.ArrayList<>(records);
        both.add(new RequestRecord(7, "k7", 1100 * MS, 3100 * MS, 0, null, true));    // parked, timed out at 2 s
        both.add(new RequestRecord(8, "k8", 3150 * MS, 3900 * MS, 201, "id8", true)); // the client's retry
        both.add(new RequestRecord(9, "k9", 6000 * MS, 6600 * MS, 201, "id9", false));
        both.add(new RequestRecord(10, "k10", 6050 * MS, 6700 * MS, 201, "id10", true));
        RunResult result = RunResult.measure(1, both, List.of(new TimelineEvent("fault", 1000, "kill"),
                new TimelineEvent("failback drain", 5000, "fence")), Set.of("k1", "k2", "k5", "k6", "k8", "k9", "k10"),
                "COMPLETED", new RunResult.FencedWrites("us-east-1", 10, 0, "{503=10}"),
                new RunResult.StandbyCheck("us-east-2", true, "streams"));

        assertThat(result.outages()).containsExactly(new RunResult.Outage("outage", "fault", 1000, 2400.0, 2900.0),
                new RunResult.Outage("failback", "failback drain", 5000, 1600.0, 1700.0));
        assertThat(result.rtoMs()).isEqualTo(2400.0);
        assertThat(result.closedLoopRtoMs()).isEqualTo(2900.0);
        assertThat(result.timeline()).extracting(TimelineEvent::name)
                .containsExactly("fault", "recovered", "failback drain", "failback recovered");
        assertThat(result.fencedRegion().acked()).isZero();
        assertThat(result.standby().streaming()).isTrue();
    }

    @Test
    void acknowledgedPaymentsMissingFromTheNewPrimaryAreTheMeasuredLoss() {
        RunResult result = RunResult.measure(1, records, List.of(new TimelineEvent("fault", 1000, "kill")),
                Set.of("k1", "k5"), "COMPLETED");
        assertThat(result.lostAckedKeys()).containsExactly("k2", "k6");
        assertThat(result.lostSpanMs()).isEqualTo(2430.0);
        assertThat(result.acked()).isEqualTo(4);
        assertThat(result.failedRequests()).isEqualTo(2);
    }

    @Test
    void withoutAnyAcknowledgementAfterTheFaultThereIsNoRto() {
        RunResult result = RunResult.measure(1, records.subList(0, 4), List.of(new TimelineEvent("fault", 1000, "kill")),
                Set.of(), "FAILED");
        assertThat(result.rtoMs()).isNull();
    }

    @Test
    void answersAreCountedPerHundredMillisecondsByAnswerTime() {
        RunResult result = RunResult.measure(1, records, List.of(), Set.of(), "x");
        assertThat(result.buckets()).hasSize(41);
        assertThat(result.buckets().get(0)).isEqualTo(new RunResult.Bucket(0, 1, 0));
        assertThat(result.buckets().get(10)).isEqualTo(new RunResult.Bucket(1000, 1, 0));
        assertThat(result.buckets().get(11)).isEqualTo(new RunResult.Bucket(1100, 0, 1));
        assertThat(result.buckets().get(40)).isEqualTo(new RunResult.Bucket(4000, 0, 1));
    }

    @Test
    void givenEveryAnswerFailingOutsideTheMeasuredOutage_thenItIsAnUnmeasuredFailureWindow() {
        List<RequestRecord> load = new java.util.ArrayList<>();
        long seq = 0;
        for (long ms = 0; ms < 6000; ms += 20) {
            // every answer fails 1000-1800 ms (the outage, recovered at 1900) and 4000-4400 ms (nobody measured it);
            // 1400-1500 ms answers nothing at all, a single failing slot at 3000 ms is noise
            boolean failing = ms >= 1000 && ms < 1800 || ms >= 4000 && ms < 4400 || ms >= 3000 && ms < 3100;
            if (ms >= 1400 && ms < 1500) {
                continue;
            }
            seq++;
            load.add(req(seq, ms, ms + 5, failing ? 503 : 201));
        }
        RunResult result = RunResult.measure(1, load, List.of(new TimelineEvent("fault", 1000, "kill")), Set.of(), "x");

        assertThat(result.failureWindows()).containsExactly(new RunResult.FailureWindow(1000, 1800, true),
                new RunResult.FailureWindow(4000, 4400, false));
        assertThat(result.unmeasuredFailureWindows()).singleElement().extracting(RunResult.FailureWindow::lengthMs)
                .isEqualTo(400L);
        assertThat(DrillRunner.windows(result.unmeasuredFailureWindows())).isEqualTo("4000-4400 ms (400 ms)");
        DrillReport report = new DrillReport(DrillSettings.of(Scenario.FAILBACK_AFTER_OUTAGE, 1, 50,
                dev.paymentsdr.lab.ReplicationMode.SYNC), java.time.Instant.EPOCH, "test", List.of(result));
        assertThat(report.toJson().get("unmeasured_failure_windows").asInt()).isEqualTo(1);
        assertThat(report.toJson().get("run_details").get(0).get("failure_windows").get(1).toString())
                .isEqualTo("{\"from_ms\":4000,\"to_ms\":4400,\"in_measured_outage\":false}");
        assertThat(DrillCommand.summary(report)).contains("stretches of failing answers outside the measured outages 1");
        assertThat(HtmlReport.render(report)).contains("<strong>4000-4400 ms (outside the measured outages");
    }
}
