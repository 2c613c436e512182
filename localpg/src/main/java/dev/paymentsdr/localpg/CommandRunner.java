package dev.paymentsdr.localpg;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs one PostgreSQL tool to completion as the server account and fails with its output when it fails. */
final class CommandRunner {
    private static final int OUTPUT_TAIL_CHARS = 2000;

    private CommandRunner() {
    }

    static String run(List<String> command, Path workDir, Map<String, String> env, Duration timeout) {
        String tool = Path.of(command.get(0)).getFileName().toString();
        try {
            Program.Result result = Program.run(OsUser.asServerUser(command), workDir, env, timeout);
            if (result.timedOut()) {
                throw new LocalPgException(tool + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (!result.succeeded()) {
                throw new LocalPgException(tool + " failed with exit code " + result.exitCode() + ": "
                        + result.tail(OUTPUT_TAIL_CHARS));
            }
            return result.output();
        } catch (IOException e) {
            throw new LocalPgException("cannot run " + tool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalPgException("interrupted while running " + tool, e);
        }
    }
}
