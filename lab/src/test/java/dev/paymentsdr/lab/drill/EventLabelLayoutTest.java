package dev.paymentsdr.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EventLabelLayoutTest {
    /** A region outage's timeline: the failover's steps land within 80 ms of each other, the failback near the end. */
    private static final List<TimelineEvent> CLOSE_EVENTS = List.of(
            new TimelineEvent("fault", 3000, "kill"), new TimelineEvent("detected", 5010, "3 probes"),
            new TimelineEvent("started", 5012, ""), new TimelineEvent("assessed", 5030, ""),
            new TimelineEvent("lag gated", 5031, ""), new TimelineEvent("fenced", 5040, ""),
            new TimelineEvent("promoted", 5060, ""), new TimelineEvent("switched", 5075, ""),
            new TimelineEvent("validated", 5090, ""), new TimelineEvent("recovered", 5100, ""),
            new TimelineEvent("failback", 9940, ""), new TimelineEvent("failback drain", 9950, ""),
            new TimelineEvent("failback promoted", 9980, ""), new TimelineEvent("failback recovered", 9990, ""),
            new TimelineEvent("stale writes", 10_000, ""));

    private static RunResult runWith(List<TimelineEvent> timeline) {
        List<RunResult.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            buckets.add(new RunResult.Bucket(i * RunResult.BUCKET_MS, 20, i % 7 == 0 ? 3 : 0));
        }
        return new RunResult(1, 2100.0, List.of(), 0, 2000, 1980, 20, "COMPLETED", timeline, buckets, 2200.0, List.of(),
                null, null, StepTimes.none());
    }

    private static void assertNoTwoOverlap(List<EventLabelLayout.Label> labels) {
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).overlaps(labels.get(j))).as("%s overlaps %s", labels.get(i), labels.get(j)).isFalse();
            }
        }
    }

    @Test
    void givenEventsMillisecondsApart_thenTheirLabelsTakeRowsAndNoTwoBoxesOverlap() {
        List<String> texts = CLOSE_EVENTS.stream().map(TimelineEvent::name).toList();
        List<Double> xs = CLOSE_EVENTS.stream().map(e -> 64 + e.atMs() / 10_000 * 884).toList();

        List<EventLabelLayout.Label> labels = EventLabelLayout.layout(texts, xs, 2, 958, 4);

        assertThat(labels).extracting(EventLabelLayout.Label::text).containsExactlyElementsOf(texts);
        assertNoTwoOverlap(labels);
        assertThat(labels).allSatisfy(l -> assertThat(l.x()).isBetween(2.0, 958.0 - l.width()));
        // each label starts at its line, or ends at it when it would run off the chart's right edge
        assertThat(labels).allSatisfy(l -> assertThat(l.x() == l.lineX() + 2 || l.x() + l.width() == l.lineX() - 2).isTrue());
        assertThat(EventLabelLayout.rows(labels)).isGreaterThan(2).isLessThanOrEqualTo(texts.size());
    }

    @Test
    void givenEventsFarApart_thenTheyShareTheFirstRow() {
        List<EventLabelLayout.Label> labels = EventLabelLayout.layout(List.of("fault", "promoted", "recovered"),
                List.of(100.0, 400.0, 700.0), 2, 958, 4);
        assertThat(labels).extracting(EventLabelLayout.Label::row).containsOnly(0);
    }

    @Test
    void givenTheRenderedChart_thenNoTwoEventLabelsOverlapAndTheAxesHaveTitles() {
        String svg = HtmlReport.chart(runWith(CLOSE_EVENTS));

        // the label boxes as drawn: text baseline 3 px above the box's bottom, the layout's width per character
        Matcher m = Pattern.compile("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\" class=\"evt\"><title>[^<]*</title>([^<]*)</text>")
                .matcher(svg);
        List<EventLabelLayout.Label> drawn = new ArrayList<>();
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            double y = Double.parseDouble(m.group(2)) + 3 - EventLabelLayout.ROW_HEIGHT;
            drawn.add(new EventLabelLayout.Label(m.group(3), 0, x, y, m.group(3).length() * EventLabelLayout.CHAR_WIDTH,
                    EventLabelLayout.ROW_HEIGHT, 0));
        }
        assertThat(drawn).extracting(EventLabelLayout.Label::text)
                .containsExactlyElementsOf(CLOSE_EVENTS.stream().map(TimelineEvent::name).toList());
        assertNoTwoOverlap(drawn);
        assertThat(svg).contains(">time since the run started (s)</text>").contains(">answers per 100 ms</text>")
                .contains("<title>5060 ms: </title>promoted</text>");
    }
}
