package dev.paymentsdr.bench;

import dev.paymentsdr.localpg.Program;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a load tool to completion and returns its output, failing with the tool's own words. */
final class ExternalCommand {
    private ExternalCommand() {
    }

    static String run(List<String> command, Map<String, String> env, Duration timeout) {
        try {
            Program.Result result = Program.run(command, null, env, timeout);
            if (result.timedOut()) {
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (!result.succeeded()) {
                throw new IllegalStateException(command.get(0) + " failed (exit " + result.exitCode() + "): "
                        + result.output().strip());
            }
            return result.output();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
