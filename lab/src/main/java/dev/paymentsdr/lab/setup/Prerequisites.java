package dev.paymentsdr.lab.setup;

import dev.paymentsdr.lab.LabException;
import dev.paymentsdr.localpg.OsUser;
import dev.paymentsdr.localpg.PostgresBinaries;
import dev.paymentsdr.localpg.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Finds PostgreSQL 15 and HAProxy, installing their Debian packages as root when they are missing. */
public final class Prerequisites {
    public static final String HAPROXY_PACKAGE = "haproxy";
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private Prerequisites() {
    }

    /** The PostgreSQL tools, installed first when missing and allowed. */
    public static PostgresBinaries postgres(boolean install, Consumer<String> progress) {
        Optional<PostgresBinaries> found = PostgresBinaries.find();
        if (found.isPresent()) {
            return found.get();
        }
        installOrFail(PostgresBinaries.DEBIAN_PACKAGE, "PostgreSQL 15 server binaries (initdb, pg_ctl)", install, progress);
        return PostgresBinaries.require();
    }

    /** The HAProxy binary, installed first when missing and allowed. */
    public static Path haproxy(boolean install, Consumer<String> progress) {
        Optional<Path> found = findHaproxy();
        if (found.isPresent()) {
            return found.get();
        }
        installOrFail(HAPROXY_PACKAGE, "HAProxy (" + HAPROXY + ")", install, progress);
        return findHaproxy().orElseThrow(() -> new LabException("HAProxy is still missing after installing the "
                + HAPROXY_PACKAGE + " package; install it by hand: apt-get install -y " + HAPROXY_PACKAGE));
    }

    private static Optional<Path> findHaproxy() {
        if (Files.isExecutable(HAPROXY)) {
            return Optional.of(HAPROXY);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                Path candidate = Path.of(dir, "haproxy");
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static void installOrFail(String pkg, String what, boolean install, Consumer<String> progress) {
        String command = "apt-get update && apt-get install -y " + pkg;
        if (!install || !OsUser.isRoot()) {
            throw new LabException(what + " not found. Install the Debian package " + pkg + ": "
                    + (OsUser.isRoot() ? "" : "sudo ") + command + " (or run ./scripts/install-deps)");
        }
        progress.accept("installing the Debian package " + pkg + " (apt-get) ...");
        run(List.of("apt-get", "update", "-qq"), pkg, command);
        run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", pkg), pkg, command);
    }

    private static void run(List<String> argv, String pkg, String command) {
        try {
            Program.Result result = Program.run(argv, null, Map.of("DEBIAN_FRONTEND", "noninteractive"), Duration.ofMinutes(10));
            if (!result.succeeded()) {
                throw new LabException("installing " + pkg + " failed (" + String.join(" ", argv) + "): "
                        + result.tail(1500) + "; run it by hand: " + command);
            }
        } catch (IOException e) {
            throw new LabException("cannot run apt-get to install " + pkg + ": " + e.getMessage() + "; run: " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while installing " + pkg, e);
        }
    }
}
