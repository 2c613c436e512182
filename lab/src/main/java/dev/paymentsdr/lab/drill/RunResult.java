package dev.paymentsdr.lab.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The measured outcome of one drill run, computed from every request record, the timeline and the
 * idempotency keys found in the new primary afterwards.
 *
 * @param rtoMs          fault (for a planned switchover: the drain) to the first acknowledgement of a payment
 *                       sent after it; null if none came
 * @param lostAckedKeys  acknowledged payments missing from the new primary (the measured RPO)
 * @param lostSpanMs     time span (by acknowledgement time) the lost payments cover; 0 when none were lost
 * @param buckets        successful and failed answers per 100 ms, by answer time
 */
public record RunResult(int run, Double rtoMs, List<String> lostAckedKeys, double lostSpanMs, int sent, int acked,
                        int failedRequests, String outcome, List<TimelineEvent> timeline, List<Bucket> buckets) {
    /** Width of a chart bucket. */
    public static final long BUCKET_MS = 100;

    /** Answers in one 100 ms slot. */
    public record Bucket(long startMs, int ok, int failed) {
    }

    /** Measures a run. */
    public static RunResult measure(int run, List<RequestRecord> records, List<TimelineEvent> timeline,
                                    Set<String> keysOnNewPrimary, String outcome) {
        // A planned switchover keeps taking writes until it drains them: its outage starts there.
        String from = timeline.stream().anyMatch(e -> e.name().equals("drain")) ? "drain" : "fault";
        Optional<Double> faultMs = timeline.stream().filter(e -> e.name().equals(from)).map(TimelineEvent::atMs).findFirst();
        Double rto = null;
        List<TimelineEvent> events = new ArrayList<>(timeline);
        if (faultMs.isPresent()) {
            long faultNanos = Math.round(faultMs.get() * 1_000_000);
            Optional<RequestRecord> firstAck = records.stream().filter(RequestRecord::acked)
                    .filter(r -> r.sentNanos() >= faultNanos).min(Comparator.comparingLong(RequestRecord::endNanos));
            if (firstAck.isPresent()) {
                rto = (firstAck.get().endNanos() - faultNanos) / 1_000_000.0;
                events.add(new TimelineEvent("recovered", firstAck.get().endNanos() / 1_000_000.0,
                        "first acknowledged payment sent after the " + from));
            }
        }
        events.sort(Comparator.comparingDouble(TimelineEvent::atMs));
        List<RequestRecord> lost = records.stream().filter(RequestRecord::acked)
                .filter(r -> !keysOnNewPrimary.contains(r.idempotencyKey())).toList();
        double span = lost.isEmpty() ? 0 : (lost.stream().mapToLong(RequestRecord::endNanos).max().getAsLong()
                - lost.stream().mapToLong(RequestRecord::endNanos).min().getAsLong()) / 1_000_000.0;
        int acked = (int) records.stream().filter(RequestRecord::acked).count();
        return new RunResult(run, rto, lost.stream().map(RequestRecord::idempotencyKey).sorted().toList(), span,
                records.size(), acked, records.size() - acked, outcome, List.copyOf(events), buckets(records));
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

    public int rpoLostAcked() {
        return lostAckedKeys.size();
    }
}
