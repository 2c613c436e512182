package dev.paymentsdr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes a result to the results folder (JSON + Markdown) and into the README between its bench markers. */
final class ResultsWriter {
    static final String README_START = "<!-- bench:api:start -->";
    static final String README_END = "<!-- bench:api:end -->";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    /** Returns the JSON file written. */
    Path write(ApiBenchmarkResult result, Path resultsDir) throws IOException {
        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve("api-" + STAMP.format(result.finishedAt()) + ".json");
        List<ModeVerdict> verdicts = result.modes().stream().map(m -> new ModeVerdict(m.mode().wireName(),
                m.ratio(), m.ratioGoalMet(), m.halfLoadP99(), m.latencyGoalMet())).toList();
        Files.writeString(file, json.writeValueAsString(new Document(result, verdicts)) + "\n");
        Files.writeString(resultsDir.resolve("api-latest.md"), "# Payment API benchmark, latest run\n\n"
                + result.toMarkdown() + "\n## Every round\n" + result.detailsMarkdown());
        return file;
    }

    /** Replaces the text between the README's bench markers; a README without them is left alone (returns false). */
    boolean updateReadme(Path readme, ApiBenchmarkResult result, String command) throws IOException {
        if (!Files.exists(readme)) {
            return false;
        }
        String text = Files.readString(readme);
        int start = text.indexOf(README_START);
        int end = text.indexOf(README_END);
        if (start < 0 || end < start) {
            return false;
        }
        String figures = README_START + "\nLatest figures, from `" + command + "`:\n\n" + result.toMarkdown() + "\n";
        Files.writeString(readme, text.substring(0, start) + figures + text.substring(end));
        return true;
    }

    /** The JSON document: the raw figures plus, per mode, the derived ratio and the goal verdicts. */
    record Document(ApiBenchmarkResult figures, List<ModeVerdict> verdicts) {
    }

    /** A mode's ratio (median and range of the rounds) and p99 at half load, judged against the goals. */
    record ModeVerdict(String replication, Spread ratio, boolean ratioGoalMet, Spread halfLoadP99Ms,
                       boolean latencyGoalMet) {
    }
}
