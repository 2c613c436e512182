package dev.paymentsdr.lab.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The measured outcome of one drill run, computed from every request record, the timeline and the
 * idempotency keys found in the new primary afterwards.
 *
 * @param rtoMs          the worst outage's open-loop RTO (see {@link Outage}); null if an outage never recovered
 * @param lostAckedKeys  acknowledged payments missing from the new primary (the measured RPO)
 * @param lostSpanMs     time span (by acknowledgement time) the lost payments cover; 0 when none were lost
 * @param buckets        successful and failed answers per 100 ms, by answer time
 * @param closedLoopRtoMs the worst outage's closed-loop RTO; null if none recovered or no closed-loop client ran
 * @param outages        every outage of the run (a failback run has two), each with its RTOs
 * @param fencedRegion   writes sent straight to the region that lost the primary role, as a client with a stale
 *                       DNS answer would; null when the drill sent none
 * @param standby        whether a standby streams from the primary at the end; null when not checked
 * @param steps          how long each failover step took (detect, assess, fence, promote, ...)
 */
public record RunResult(int run, Double rtoMs, List<String> lostAckedKeys, double lostSpanMs, int sent, int acked,
                        int failedRequests, String outcome, List<TimelineEvent> timeline, List<Bucket> buckets,
                        Double closedLoopRtoMs, List<Outage> outages, FencedWrites fencedRegion, StandbyCheck standby,
                        StepTimes steps) {
    /** Width of a chart bucket. */
    public static final long BUCKET_MS = 100;

    /** Answers in one 100 ms slot. */
    public record Bucket(long startMs, int ok, int failed) {
    }

    /**
     * One outage: from its start (the fault; for a planned move, the drain) to the first acknowledgement of a
     * payment sent after it, by the open-loop generator and by the closed-loop clients.
     */
    public record Outage(String name, String startEvent, double startMs, Double openLoopRtoMs, Double closedLoopRtoMs) {
    }

    /**
     * A stretch in which every answer failed (by answer time, 100 ms slots with no acknowledgement), so a reader sees
     * an outage the RTO does not measure, such as one during a failback's preparation.
     *
     * @param inMeasuredOutage true when it overlaps an outage from its start event to its recovery
     */
    public record FailureWindow(long fromMs, long toMs, boolean inMeasuredOutage) {
        public long lengthMs() {
            return toMs - fromMs;
        }
    }

    /** Writes sent straight to a fenced region after the move (and after a partition healed): none may be acknowledged. */
    public record FencedWrites(String region, int sent, int acked, String statuses) {
    }

    /** The standby at the end of the run: its region, whether it streams from the primary, and how. */
    public record StandbyCheck(String region, boolean streaming, String detail) {
    }

    /** Measures a run without the split-brain and standby checks. */
    public static RunResult measure(int run, List<RequestRecord> records, List<TimelineEvent> timeline,
                                    Set<String> keysOnNewPrimary, String outcome) {
        return measure(run, records, timeline, keysOnNewPrimary, outcome, null, null);
    }

    /** Measures a run. */
    public static RunResult measure(int run, List<RequestRecord> records, List<TimelineEvent> timeline,
                                    Set<String> keysOnNewPrimary, String outcome, FencedWrites fencedRegion,
                                    StandbyCheck standby) {
        List<TimelineEvent> events = new ArrayList<>(timeline);
        List<Outage> outages = new ArrayList<>();
        // A planned move keeps taking writes until it drains them: its outage starts there.
        Optional<TimelineEvent> start = first(timeline, "drain").or(() -> first(timeline, "fault"));
        start.ifPresent(e -> outages.add(outage("outage", e, records, events, "recovered")));
        first(timeline, "failback drain").ifPresent(e -> outages.add(outage("failback", e, records, events,
                "failback recovered")));
        events.sort(Comparator.comparingDouble(TimelineEvent::atMs));
        List<RequestRecord> lost = records.stream().filter(RequestRecord::acked)
                .filter(r -> !keysOnNewPrimary.contains(r.idempotencyKey())).toList();
        double span = lost.isEmpty() ? 0 : (lost.stream().mapToLong(RequestRecord::endNanos).max().getAsLong()
                - lost.stream().mapToLong(RequestRecord::endNanos).min().getAsLong()) / 1_000_000.0;
        int acked = (int) records.stream().filter(RequestRecord::acked).count();
        boolean closedLoopRan = records.stream().anyMatch(RequestRecord::closedLoop);
        return new RunResult(run, worst(outages.stream().map(Outage::openLoopRtoMs).toList()),
                lost.stream().map(RequestRecord::idempotencyKey).sorted().toList(), span, records.size(), acked,
                records.size() - acked, outcome, List.copyOf(events), buckets(records),
                closedLoopRan ? worst(outages.stream().map(Outage::closedLoopRtoMs).toList()) : null,
                List.copyOf(outages), fencedRegion, standby, StepTimes.none());
    }

    /** This result with the step times read from the run's execution log. */
    public RunResult withSteps(StepTimes newSteps) {
        return new RunResult(run, rtoMs, lostAckedKeys, lostSpanMs, sent, acked, failedRequests, outcome, timeline, buckets,
                closedLoopRtoMs, outages, fencedRegion, standby, newSteps);
    }

    private static Optional<TimelineEvent> first(List<TimelineEvent> timeline, String name) {
        return timeline.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static Outage outage(String name, TimelineEvent start, List<RequestRecord> records, List<TimelineEvent> events,
                                 String recoveredEvent) {
        long startNanos = Math.round(start.atMs() * 1_000_000);
        Double open = firstAck(records, startNanos, false).map(r -> {
            events.add(new TimelineEvent(recoveredEvent, r.endNanos() / 1_000_000.0,
                    "first acknowledged payment sent after the " + start.name()));
            return (r.endNanos() - startNanos) / 1_000_000.0;
        }).orElse(null);
        Double closed = firstAck(records, startNanos, true).map(r -> (r.endNanos() - startNanos) / 1_000_000.0).orElse(null);
        return new Outage(name, start.name(), start.atMs(), open, closed);
    }

    private static Optional<RequestRecord> firstAck(List<RequestRecord> records, long sinceNanos, boolean closedLoop) {
        return records.stream().filter(r -> r.closedLoop() == closedLoop).filter(RequestRecord::acked)
                .filter(r -> r.sentNanos() >= sinceNanos).min(Comparator.comparingLong(RequestRecord::endNanos));
    }

    /** The largest value, or null when there is none or one of them is missing (an outage that never recovered). */
    private static Double worst(List<Double> values) {
        if (values.isEmpty() || values.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        return values.stream().max(Double::compare).orElseThrow();
    }

    private static List<Bucket> buckets(List<RequestRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        long last = records.stream().mapToLong(RequestRecord::endNanos).max().getAsLong() / 1_000_000 / BUCKET_MS;
        int[] ok = new int[(int) last + 1];
        int[] failed = new int[(int) last + 1];
        for (RequestRecord r : records) {
            int slot = (int) Math.max(0, r.endNanos() / 1_000_000 / BUCKET_MS);
            if (r.acked()) {
                ok[slot]++;
            } else {
                failed[slot]++;
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < ok.length; i++) {
            buckets.add(new Bucket(i * BUCKET_MS, ok[i], failed[i]));
        }
        return buckets;
    }

    /**
     * Every stretch of at least two slots without an acknowledged answer that holds failed ones (a quiet slot in
     * between, such as requests left waiting, does not end it).
     */
    public List<FailureWindow> failureWindows() {
        List<FailureWindow> windows = new ArrayList<>();
        int i = 0;
        while (i < buckets.size()) {
            if (buckets.get(i).ok() > 0 || buckets.get(i).failed() == 0) {
                i++;
                continue;
            }
            int last = i;
            for (int j = i + 1; j < buckets.size() && buckets.get(j).ok() == 0; j++) {
                if (buckets.get(j).failed() > 0) {
                    last = j;
                }
            }
            if (last > i) {
                long from = buckets.get(i).startMs();
                long to = buckets.get(last).startMs() + BUCKET_MS;
                windows.add(new FailureWindow(from, to, outages.stream().anyMatch(o -> o.startMs() < to
                        && (o.openLoopRtoMs() == null || from < o.startMs() + o.openLoopRtoMs()))));
            }
            i = last + 1;
        }
        return windows;
    }

    /** The failure windows that overlap no measured outage. */
    public List<FailureWindow> unmeasuredFailureWindows() {
        return failureWindows().stream().filter(w -> !w.inMeasuredOutage()).toList();
    }

    public int rpoLostAcked() {
        return lostAckedKeys.size();
    }
}
