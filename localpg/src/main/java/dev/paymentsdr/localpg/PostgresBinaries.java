package dev.paymentsdr.localpg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the PostgreSQL server tools (initdb, pg_ctl, pg_basebackup, pg_rewind) are installed. */
public final class PostgresBinaries {
    /** The Debian package that provides the tools; named in every "not found" message. */
    public static final String DEBIAN_PACKAGE = "postgresql-15";
    private static final String BINDIR_VARIABLE = "PG_BINDIR";
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    private final Path binDir;

    private PostgresBinaries(Path binDir) {
        this.binDir = binDir;
    }

    /** Finds the tools: {@code $PG_BINDIR}, then Debian's {@code /usr/lib/postgresql/15/bin}, then the newest version there. */
    public static Optional<PostgresBinaries> find() {
        String configured = System.getenv(BINDIR_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            return hasServerTools(dir) ? Optional.of(new PostgresBinaries(dir)) : Optional.empty();
        }
        Path preferred = DEBIAN_ROOT.resolve("15").resolve("bin");
        if (hasServerTools(preferred)) {
            return Optional.of(new PostgresBinaries(preferred));
        }
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(PostgresBinaries::hasServerTools)
                    .max(Comparator.comparing(PostgresBinaries::majorVersion))
                    .map(PostgresBinaries::new);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Like {@link #find()}, but fails with the package to install and the command that installs it. */
    public static PostgresBinaries require() {
        return find().orElseThrow(() -> new LocalPgException(
                "PostgreSQL server binaries (initdb, pg_ctl) not found in $" + BINDIR_VARIABLE + " or "
                        + DEBIAN_ROOT + "/<version>/bin. Install the Debian package " + DEBIAN_PACKAGE
                        + ": apt-get install -y " + DEBIAN_PACKAGE + " (or run ./scripts/install-deps)"));
    }

    /** The path of one tool, such as {@code initdb} or {@code pg_rewind}. */
    public Path tool(String name) {
        return binDir.resolve(name);
    }

    public Path binDir() {
        return binDir;
    }

    private static boolean hasServerTools(Path dir) {
        return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))
                && Files.isExecutable(dir.resolve("postgres"));
    }

    private static int majorVersion(Path binDir) {
        try {
            return Integer.parseInt(binDir.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
