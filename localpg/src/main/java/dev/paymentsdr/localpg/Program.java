package dev.paymentsdr.localpg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to completion within a time limit. Its output (stdout and stderr together) goes to a
 * temporary file rather than a pipe, so a hung program is stopped at the limit instead of blocking a reader.
 */
public final class Program {
    private Program() {
    }

    /** How a run ended. */
    public record Result(int exitCode, String output, boolean timedOut) {
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** The output's last characters, trimmed, for error messages. */
        public String tail(int chars) {
            String trimmed = output.strip();
            return trimmed.length() <= chars ? trimmed : "..." + trimmed.substring(trimmed.length() - chars);
        }
    }

    /**
     * Runs {@code command}; a run that outlives {@code timeout} is killed and reported as timed out.
     *
     * @param workDir the working directory, or null for this process's own
     */
    public static Result run(List<String> command, Path workDir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path outputFile = Files.createTempFile("program-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile());
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(outputFile, StandardCharsets.UTF_8);
            return new Result(finished ? process.exitValue() : -1, output, !finished);
        } finally {
            Files.deleteIfExists(outputFile);
        }
    }
}
