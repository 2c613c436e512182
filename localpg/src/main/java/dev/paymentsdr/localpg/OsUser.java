package dev.paymentsdr.localpg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;

/**
 * The unprivileged account PostgreSQL runs as: PostgreSQL refuses to run as root, so as root
 * every server tool is started through {@code runuser} and its directories are handed over.
 */
public final class OsUser {
    private static final String SERVICE_ACCOUNT = "postgres";

    private OsUser() {
    }

    /** True when this JVM runs as root and must drop to the postgres account. */
    public static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    /** The command, prefixed so that it runs as the postgres account when we are root. */
    public static List<String> asServerUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SERVICE_ACCOUNT, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Creates the directory (mode 0700) and, as root, gives it to the postgres account. */
    public static Path serverOwnedDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (isRoot()) {
                handOver(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new LocalPgException("cannot prepare directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** As root, gives one existing file or directory to the postgres account. */
    public static void handOver(Path path) throws IOException {
        if (!isRoot()) {
            return;
        }
        UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(SERVICE_ACCOUNT);
        Files.setOwner(path, owner);
    }
}
