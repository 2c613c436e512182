package dev.paymentsdr.lab.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.port.out.Lease;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease between real processes: another orchestrator process holds it, then dies without releasing it. */
class FileLeaseProcessIT {
    @TempDir
    Path dir;

    /** The other orchestrator: takes the lease, says so, and holds it until killed. */
    public static void main(String[] args) throws Exception {
        FileLease lease = new FileLease(Path.of(args[0]), Clock.systemUTC());
        Lease.Attempt attempt = lease.tryAcquire(new ExecutionId("other-process"), "pid " + ProcessHandle.current().pid(),
                Duration.ofMinutes(1));
        System.out.println(attempt.acquired() ? "held" : "refused");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(2).toMillis());
    }

    @Test
    void givenAnotherProcessHoldsTheLease_thenThisOneIsRefused_andWhenThatProcessIsKilledTheLeaseIsFree() throws Exception {
        Path file = dir.resolve("lease");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FileLeaseProcessIT.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("held");

            FileLease lease = new FileLease(file, Clock.systemUTC());
            Lease.Attempt refused = lease.tryAcquire(new ExecutionId("mine"), "test", Duration.ofMinutes(1));

            assertThat(refused.acquired()).isFalse();
            assertThat(refused.heldBy()).hasValueSatisfying(h -> {
                assertThat(h.executionId()).isEqualTo(new ExecutionId("other-process"));
                assertThat(h.owner()).isEqualTo("pid " + holder.pid());
            });
            assertThat(lease.holder()).isPresent();

            holder.destroyForcibly();
            holder.waitFor();

            assertThat(lease.holder()).as("the OS dropped the dead process's lock").isEmpty();
            assertThat(lease.tryAcquire(new ExecutionId("mine"), "test", Duration.ofMinutes(1)).acquired()).isTrue();
            lease.release(new ExecutionId("mine"));
        } finally {
            holder.destroyForcibly();
        }
    }
}
