package dev.paymentsdr.lab.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.port.out.Lease;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLeaseTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void givenAHeldLease_whenASecondOrchestratorTries_thenItIsRefusedAndToldWhoHoldsIt() {
        FileLease first = new FileLease(dir.resolve("lease"), clock);
        FileLease second = new FileLease(dir.resolve("lease"), clock);
        assertThat(first.tryAcquire(new ExecutionId("a"), "pid 1", Duration.ofSeconds(30)).acquired()).isTrue();

        Lease.Attempt attempt = second.tryAcquire(new ExecutionId("b"), "pid 2", Duration.ofSeconds(30));

        assertThat(attempt.acquired()).isFalse();
        assertThat(attempt.heldBy()).hasValueSatisfying(h -> {
            assertThat(h.executionId()).isEqualTo(new ExecutionId("a"));
            assertThat(h.owner()).isEqualTo("pid 1");
            assertThat(h.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:30Z"));
        });
        assertThat(second.holder()).isPresent();
        first.release(new ExecutionId("a"));
    }

    @Test
    void aReleasedLeaseCanBeTakenAgainAndShowsNoHolder() {
        FileLease lease = new FileLease(dir.resolve("lease"), clock);
        lease.tryAcquire(new ExecutionId("a"), "pid 1", Duration.ofSeconds(30));
        lease.release(new ExecutionId("a"));

        assertThat(lease.holder()).isEmpty();
        assertThat(lease.tryAcquire(new ExecutionId("b"), "pid 1", Duration.ofSeconds(30)).acquired()).isTrue();
        lease.release(new ExecutionId("b"));
    }

    @Test
    void renewingALeaseThatIsNotHeldFailsSoTheOrchestratorStops() {
        FileLease lease = new FileLease(dir.resolve("lease"), clock);
        assertThatThrownBy(() -> lease.renew(new ExecutionId("a"), Duration.ofSeconds(30)))
                .hasMessageContaining("no longer held");
    }

    @Test
    void renewalMovesTheExpiry() {
        FileLease lease = new FileLease(dir.resolve("lease"), clock);
        lease.tryAcquire(new ExecutionId("a"), "pid 1", Duration.ofSeconds(30));
        lease.renew(new ExecutionId("a"), Duration.ofSeconds(90));
        assertThat(lease.holder()).hasValueSatisfying(h -> assertThat(h.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:01:30Z")));
        lease.release(new ExecutionId("a"));
    }
}
