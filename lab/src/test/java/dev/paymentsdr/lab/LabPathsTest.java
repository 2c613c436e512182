package dev.paymentsdr.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.localpg.OsUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the lab puts the HAProxy socket and the PostgreSQL homes. */
class LabPathsTest {

    @Test
    void givenAShortLabDir_thenTheRuntimeSocketLivesInIt() {
        assertThat(LabLayout.socketPath(Path.of("/tmp/lab"))).isEqualTo(Path.of("/tmp/lab/haproxy.sock"));
    }

    @Test
    void givenALabDirTooLongForAUnixSocket_thenTheSocketMovesToAShortStablePathUnderTmp() {
        Path deep = Path.of("/tmp", "a".repeat(60), "b".repeat(60), ".lab");

        Path socket = LabLayout.socketPath(deep);

        assertThat(socket.getParent()).isEqualTo(Path.of("/tmp"));
        assertThat(socket.toString()).startsWith("/tmp/paymentsdr-haproxy-").hasSizeLessThan(100);
        assertThat(LabLayout.socketPath(deep)).isEqualTo(socket);
    }

    @Test
    void givenAParentThePostgresAccountCannotEnter_thenTheLabDirIsNotTraversable(@TempDir Path tmp) throws Exception {
        Path closed = Files.createDirectory(tmp.resolve("closed"));
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwx--x--x"));

        assertThat(LabLayout.traversableByServerAccount(open.resolve(".lab"))).isTrue();
        // Only root has to hand directories to another account; as any other user every path is fine.
        assertThat(LabLayout.traversableByServerAccount(closed.resolve(".lab"))).isEqualTo(!OsUser.isRoot());
    }
}
