package dev.paymentsdr.lab.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A drill report as one self-contained HTML file: per run an inline SVG chart of acknowledged and failed
 * requests per 100 ms with the timeline events marked, and the figures table. No scripts, no external files.
 */
public final class HtmlReport {
    private static final int WIDTH = 960;
    private static final int LEFT = 64;
    private static final int RIGHT = 12;
    private static final double PLOT_HEIGHT = 160;

    private HtmlReport() {
    }

    public static void write(DrillReport drill, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(drill));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report " + file + ": " + e.getMessage(), e);
        }
    }

    /** The whole document. */
    public static String render(DrillReport drill) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<title>payments-dr drill: ").append(esc(drill.settings().scenario().label())).append("</title>")
            .append("<style>body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:12px 0}")
            .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}")
            .append("code{background:#f3f3f3;padding:2px 4px}.ok{fill:#2e9d4f}.fail{fill:#d64545}.ev{stroke:#3459c9;stroke-width:1.5}")
            .append(".evt{font-size:11px;fill:#3459c9}.ax{stroke:#888}.axt{font-size:11px;fill:#555}.xm{text-anchor:middle}"
            + ".ye{text-anchor:end}.yt{text-anchor:middle}.lead{stroke:#3459c9;stroke-opacity:.35;stroke-dasharray:2 2}tr.slowest td{background:#fff3cd}"
            + "</style></head><body>\n");
        html.append("<h1>Drill: ").append(esc(drill.settings().scenario().label())).append("</h1>\n<p>")
            .append(esc(drill.settings().scenario().description())).append(". ").append(drill.runs().size()).append(" run(s) at ")
            .append(drill.settings().rate()).append(" payments/s, ").append(esc(drill.settings().replication().label()))
            .append(" replication, probes every ").append(drill.settings().probeInterval().toMillis()).append(" ms, failover after ")
            .append(drill.settings().failureThreshold()).append(" failures. Started ").append(esc(drill.startedAt().toString()))
            .append(".</p>\n<p>Command: <code>").append(esc(drill.command())).append("</code></p>\n");
        html.append("<h2>Figures</h2>\n<table><tr><th class=\"l\">figure</th><th>value</th></tr>")
            .append(row("RTO p50 (ms)", ms(drill.rtoPercentile(50))))
            .append(row("RTO p95 (ms)", ms(drill.rtoPercentile(95))))
            .append(row("RTO max (ms)", ms(drill.rtoPercentile(100))))
            .append(outageRows(drill))
            .append(row("acknowledged payments lost (total)", Integer.toString(drill.totalLostAcked())))
            .append(row("acknowledged payments", Integer.toString(drill.acked())))
            .append(row("failed requests", Integer.toString(drill.failedRequests())))
            .append("</table>\n");
        html.append("<table><tr><th>run</th><th>RTO (ms)</th><th>acked lost</th><th>lost span (ms)</th><th>sent</th>")
            .append("<th>acked</th><th>failed</th><th class=\"l\">outcome</th></tr>");
        for (RunResult r : drill.runs()) {
            html.append("<tr><td>").append(r.run()).append("</td><td>").append(ms(r.rtoMs())).append("</td><td>")
                .append(r.rpoLostAcked()).append("</td><td>").append(ms(r.lostSpanMs())).append("</td><td>").append(r.sent())
                .append("</td><td>").append(r.acked()).append("</td><td>").append(r.failedRequests())
                .append("</td><td class=\"l\">").append(esc(r.outcome())).append("</td></tr>");
        }
        html.append("</table>\n<p>RTO: from the fault (for a planned switchover: from the moment writes are drained) to the first"
                + " acknowledgement of a payment sent after it. Acked lost: payments answered 2xx whose idempotency key is"
                + " not in the new primary's <code>payments</code> table.</p>\n");
        html.append(outages(drill)).append(steps(drill));
        for (RunResult r : drill.runs()) {
            html.append("<h2>Run ").append(r.run()).append("</h2>\n").append(chart(r)).append(failureWindows(r)).append(timeline(r.timeline()));
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    /**
     * Stacked bars per 100 ms (green acknowledged, red failed) with a vertical line per timeline event; the axes have
     * titles and the event labels sit in rows above the plot so that none overlaps another.
     */
    static String chart(RunResult run) {
        List<RunResult.Bucket> buckets = run.buckets();
        int n = Math.max(1, buckets.size());
        int max = Math.max(1, buckets.stream().mapToInt(b -> b.ok() + b.failed()).max().orElse(1));
        double plotW = WIDTH - LEFT - RIGHT;
        double totalMs = n * RunResult.BUCKET_MS;
        List<Double> lineXs = run.timeline().stream().map(e -> LEFT + Math.max(0, Math.min(1.0, e.atMs() / totalMs)) * plotW)
                .toList();
        List<EventLabelLayout.Label> labels = EventLabelLayout.layout(run.timeline().stream().map(TimelineEvent::name).toList(),
                lineXs, 2, WIDTH - 2, 4);
        double top = 4 + EventLabelLayout.rows(labels) * EventLabelLayout.ROW_HEIGHT + 8;
        double bottom = top + PLOT_HEIGHT;
        int height = (int) Math.ceil(bottom + 40);
        double barW = plotW / n;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
           .append("\" role=\"img\" aria-label=\"answers per 100 ms over the run, with its events\">");
        svg.append(line(LEFT, bottom, LEFT + plotW, bottom, "ax")).append(line(LEFT, top, LEFT, bottom, "ax"));
        for (int tick : max >= 2 ? List.of(0, max / 2, max) : List.of(0, max)) {
            double y = bottom - tick * PLOT_HEIGHT / max;
            svg.append(line(LEFT - 3, y, LEFT, y, "ax")).append(text(LEFT - 5, y + 4, Integer.toString(tick), "axt ye"));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" class=\"axt yt\" transform=\"rotate(-90 14 %.1f)\">"
                + "answers per 100 ms</text>", top + PLOT_HEIGHT / 2, top + PLOT_HEIGHT / 2));
        int step = Math.max(1, (int) Math.ceil(totalMs / 1000 / 12));
        for (int s = 0; s * 1000 <= totalMs; s += step) {
            double x = LEFT + s * 1000 / totalMs * plotW;
            svg.append(line(x, bottom, x, bottom + 3, "ax")).append(text(x, bottom + 15, Integer.toString(s), "axt xm"));
        }
        svg.append(text(LEFT + plotW / 2, bottom + 33, "time since the run started (s)", "axt xm"));
        for (int i = 0; i < buckets.size(); i++) {
            RunResult.Bucket b = buckets.get(i);
            double x = LEFT + i * barW;
            double okH = b.ok() * PLOT_HEIGHT / max;
            double failH = b.failed() * PLOT_HEIGHT / max;
            if (b.ok() > 0) {
                svg.append(rect(x, bottom - okH, barW, okH, "ok", b.startMs() + " ms: " + b.ok() + " ok"));
            }
            if (b.failed() > 0) {
                svg.append(rect(x, bottom - okH - failH, barW, failH, "fail", b.startMs() + " ms: " + b.failed() + " failed"));
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            EventLabelLayout.Label label = labels.get(i);
            TimelineEvent e = run.timeline().get(i);
            // a faint leader from the label's row to the plot, then the event's line across the plot
            svg.append(line(label.lineX(), label.y() + label.height(), label.lineX(), top, "lead"))
               .append(line(label.lineX(), top, label.lineX(), bottom, "ev"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"evt\"><title>%s</title>%s</text>",
                    label.x(), label.y() + label.height() - 3, esc(String.format(Locale.ROOT, "%.0f ms: %s", e.atMs(),
                            e.detail())), esc(label.text())));
        }
        svg.append("</svg>\n<p><svg width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" class=\"ok\"/></svg> acknowledged "
                + "<svg width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" class=\"fail\"/></svg> failed"
                + " (answers per 100 ms, by answer time); blue lines: events (hover a label for its time and detail).</p>\n");
        return svg.toString();
    }

    /** The stretches in which every answer failed, those outside the measured outages called out. */
    private static String failureWindows(RunResult run) {
        List<RunResult.FailureWindow> windows = run.failureWindows();
        if (windows.isEmpty()) {
            return "";
        }
        StringBuilder p = new StringBuilder("<p>Every answer failed: ");
        for (int i = 0; i < windows.size(); i++) {
            RunResult.FailureWindow w = windows.get(i);
            p.append(i == 0 ? "" : ", ").append(w.inMeasuredOutage() ? "" : "<strong>").append(w.fromMs()).append("-")
             .append(w.toMs()).append(" ms (").append(w.inMeasuredOutage() ? "in a measured outage"
                     : "outside the measured outages: the RTO does not count it").append(")")
             .append(w.inMeasuredOutage() ? "" : "</strong>");
        }
        return p.append(".</p>\n").toString();
    }

    /** RTO rows per outage when the runs had more than one (a failback's second outage has its own). */
    private static String outageRows(DrillReport drill) {
        if (drill.outageNames().size() < 2) {
            return "";
        }
        StringBuilder rows = new StringBuilder();
        for (String name : drill.outageNames()) {
            rows.append(row("RTO p50 / p95 / max, " + name + " (ms)", ms(drill.outageRtoPercentile(name, 50)) + " / "
                    + ms(drill.outageRtoPercentile(name, 95)) + " / " + ms(drill.outageRtoPercentile(name, 100))));
        }
        return rows.toString();
    }

    /** Every outage of every run with its own RTOs (a failback run has two); nothing when each run had one. */
    private static String outages(DrillReport drill) {
        if (drill.runs().stream().allMatch(r -> r.outages().size() <= 1)) {
            return "";
        }
        StringBuilder t = new StringBuilder("<h2>Outages</h2>\n<table><tr><th>run</th><th class=\"l\">outage</th>"
                + "<th class=\"l\">from event</th><th>at (ms)</th><th>RTO (ms)</th><th>closed-loop RTO (ms)</th></tr>");
        for (RunResult r : drill.runs()) {
            for (RunResult.Outage o : r.outages()) {
                t.append("<tr><td>").append(r.run()).append("</td><td class=\"l\">").append(esc(o.name()))
                 .append("</td><td class=\"l\">").append(esc(o.startEvent())).append("</td><td>").append(ms(o.startMs()))
                 .append("</td><td>").append(ms(o.openLoopRtoMs())).append("</td><td>").append(ms(o.closedLoopRtoMs()))
                 .append("</td></tr>");
            }
        }
        return t.append("</table>\n").toString();
    }

    /** The failover steps' p50/p95/max over the runs, the slowest one marked. */
    private static String steps(DrillReport drill) {
        List<DrillReport.StepSummary> steps = drill.stepSummaries();
        if (steps.isEmpty()) {
            return "";
        }
        String slowest = drill.slowestStep().map(DrillReport.StepSummary::step).orElse("");
        StringBuilder t = new StringBuilder("<h2>Failover steps</h2>\n<table class=\"steps\"><tr><th class=\"l\">step</th>"
                + "<th>runs</th><th>p50 (ms)</th><th>p95 (ms)</th><th>max (ms)</th><th class=\"l\">what it does</th></tr>");
        for (DrillReport.StepSummary step : steps) {
            boolean isSlowest = step.step().equals(slowest);
            t.append(isSlowest ? "<tr class=\"slowest\">" : "<tr>").append("<td class=\"l\">").append(esc(step.step()))
             .append(isSlowest ? " (slowest)" : "").append("</td><td>").append(step.runs()).append("</td><td>")
             .append(ms(step.p50())).append("</td><td>").append(ms(step.p95())).append("</td><td>").append(ms(step.max()))
             .append("</td><td class=\"l\">").append(esc(StepTimes.describe(step.step()))).append("</td></tr>");
        }
        return t.append("</table>\n<p>Each orchestrator step from its start to its end in the execution log; detect from the"
                + " fault to the monitor's decision. Nearest-rank percentiles over the runs the step ran in.</p>\n").toString();
    }

    private static String timeline(List<TimelineEvent> events) {
        StringBuilder t = new StringBuilder("<table><tr><th>at (ms)</th><th class=\"l\">event</th><th class=\"l\">detail</th></tr>");
        for (TimelineEvent e : events) {
            t.append("<tr><td>").append(ms(e.atMs())).append("</td><td class=\"l\">").append(esc(e.name()))
             .append("</td><td class=\"l\">").append(esc(e.detail())).append("</td></tr>");
        }
        return t.append("</table>\n").toString();
    }

    private static String row(String name, String value) {
        return "<tr><td class=\"l\">" + esc(name) + "</td><td>" + esc(value) + "</td></tr>";
    }

    private static String rect(double x, double y, double w, double h, String cls, String title) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" class=\"%s\"><title>%s</title></rect>",
                x, y, w, h, cls, esc(title));
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>", x1, y1, x2, y2, cls);
    }

    private static String text(double x, double y, String content, String cls) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\">%s</text>", x, y, cls, esc(content));
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** Escapes text for HTML and SVG. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
