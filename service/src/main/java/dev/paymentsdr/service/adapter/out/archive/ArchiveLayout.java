package dev.paymentsdr.service.adapter.out.archive;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.service.adapter.out.events.PaymentEventJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How the transaction-log archive is laid out, the same in a directory and in a bucket: one JSON-lines object per
 * relayed batch and UTC day, under {@code yyyy/MM/dd/<region>/}, each line one {@link PaymentEventJson} event.
 * The region in the key keeps the objects of two regions apart in a bucket that replication fills from both.
 */
public final class ArchiveLayout {
    /** File name suffix of archive objects. */
    public static final String SUFFIX = ".jsonl";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ArchiveLayout() {
    }

    /** The prefix of one day's objects: {@code 2026/11/25/}. */
    public static String dayPrefix(LocalDate day) {
        return DAY.format(day) + "/";
    }

    /** The name of one batch's object, relative to the archive root. */
    public static String objectName(LocalDate day, String region, Instant written, UUID batch) {
        return dayPrefix(day) + region + "/" + WRITTEN.format(written) + "-" + batch + SUFFIX;
    }

    /** The events of a batch by the UTC day they occurred, days in order. */
    public static Map<LocalDate, List<PaymentEvent>> byDay(List<PaymentEvent> events) {
        Map<LocalDate, List<PaymentEvent>> days = new TreeMap<>();
        for (PaymentEvent event : events) {
            days.computeIfAbsent(LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC), d -> new ArrayList<>()).add(event);
        }
        return days;
    }

    /** The object's content: one event per line, each line ended by a newline. */
    public static String jsonLines(List<PaymentEvent> events) {
        StringBuilder out = new StringBuilder(events.size() * 512);
        events.forEach(event -> out.append(PaymentEventJson.render(event)).append('\n'));
        return out.toString();
    }

    /**
     * Parses an object's lines; a line that is not an event stops the reading with its place, since a reconciliation
     * that skipped lines would under-report.
     */
    public static void readLines(String content, String source, Consumer<PaymentEvent> each) {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                each.accept(PaymentEventJson.parse(line));
            } catch (RuntimeException e) {
                throw new IllegalStateException(source + " line " + (i + 1) + " is not a payment event: " + e.getMessage(), e);
            }
        }
    }
}
