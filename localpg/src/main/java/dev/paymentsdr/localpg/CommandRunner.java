package dev.paymentsdr.localpg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one PostgreSQL tool to completion as the server account and fails with its output when it fails. */
final class CommandRunner {
    private static final int OUTPUT_TAIL_CHARS = 2000;

    private CommandRunner() {
    }

    static String run(List<String> command, Path workDir, Map<String, String> env, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(OsUser.asServerUser(command))
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        String tool = Path.of(command.get(0)).getFileName().toString();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LocalPgException(tool + " did not finish within " + timeout.toSeconds() + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new LocalPgException(tool + " failed with exit code " + process.exitValue() + ": " + tail(text));
            }
            return text;
        } catch (IOException e) {
            throw new LocalPgException("cannot run " + tool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalPgException("interrupted while running " + tool, e);
        }
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= OUTPUT_TAIL_CHARS ? trimmed : "..." + trimmed.substring(trimmed.length() - OUTPUT_TAIL_CHARS);
    }
}
