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

/**
 * Finds PostgreSQL 15 and HAProxy, installing their Debian packages as root when they are missing, and
 * toxiproxy-server (the lab's network links), building it into the repository's {@code .tools/bin} with Go.
 */
public final class Prerequisites {
    public static final String HAPROXY_PACKAGE = "haproxy";
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    /** The Toxiproxy release the lab is tested with; {@code scripts/install-deps} builds the same one. */
    public static final String TOXIPROXY_MODULE = "github.com/Shopify/toxiproxy/v2/cmd/server@v2.12.0";
    public static final String TOXIPROXY_BINARY = "toxiproxy-server";

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
        return onPath("haproxy");
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                    return Optional.of(Path.of(dir, program));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * toxiproxy-server: {@code <repo>/.tools/bin/toxiproxy-server} (what {@code scripts/install-deps} builds), else
     * one on the PATH; when missing and allowed, built there with {@code go install}; else an error saying how.
     */
    public static Path toxiproxy(boolean install, Consumer<String> progress) {
        Optional<Path> root = repositoryRoot();
        Optional<Path> local = root.map(r -> r.resolve(".tools/bin").resolve(TOXIPROXY_BINARY)).filter(Files::isExecutable);
        if (local.isPresent()) {
            return local.get();
        }
        Optional<Path> onPath = onPath(TOXIPROXY_BINARY);
        if (onPath.isPresent()) {
            return onPath.get();
        }
        String how = "run ./scripts/install-deps toxiproxy (it builds it with Go: GOBIN=<repo>/.tools/bin go install "
                + TOXIPROXY_MODULE + ")";
        Optional<Path> go = onPath("go").or(() -> Optional.of(Path.of("/usr/local/go/bin/go")).filter(Files::isExecutable));
        if (!install || root.isEmpty() || go.isEmpty()) {
            throw new LabException("toxiproxy-server (the lab's network links) not found"
                    + (go.isEmpty() ? " and Go is not installed to build it (install Go 1.23 or newer)" : "") + "; " + how);
        }
        Path bin = root.get().resolve(".tools/bin");
        progress.accept("building toxiproxy-server into " + bin + " (go install, once) ...");
        try {
            Files.createDirectories(bin);
            Program.Result built = Program.run(List.of(go.get().toString(), "install", TOXIPROXY_MODULE), root.get(),
                    Map.of("GOBIN", bin.toString()), Duration.ofMinutes(10));
            if (!built.succeeded()) {
                throw new LabException("building toxiproxy-server failed: " + built.tail(1500) + "; " + how);
            }
            Files.move(bin.resolve("server"), bin.resolve(TOXIPROXY_BINARY), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LabException("cannot build toxiproxy-server: " + e.getMessage() + "; " + how, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while building toxiproxy-server", e);
        }
        return bin.resolve(TOXIPROXY_BINARY);
    }

    /**
     * The repository: {@code -Ddrctl.home} (set by ./drctl), else the nearest directory above the working directory
     * that holds {@code scripts/install-deps} (tests run in a module directory).
     */
    static Optional<Path> repositoryRoot() {
        String home = System.getProperty("drctl.home");
        if (home != null && !home.isBlank()) {
            return Optional.of(Path.of(home));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/install-deps"))) {
                return Optional.of(dir);
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
