package dev.paymentsdr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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
        String text = json.writeValueAsString(new Document(result, result.ratio(), result.ratioGoalMet(), result.latencyGoalMet()));
        Files.writeString(file, text + "\n");
        Files.writeString(resultsDir.resolve("api-latest.md"), "# Payment API benchmark, latest run\n\n" + result.toMarkdown());
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

    /** The JSON document: the raw figures plus the derived ratio and goal verdicts. */
    record Document(ApiBenchmarkResult figures, double ratio, boolean ratioGoalMet, boolean latencyGoalMet) {
    }
}
