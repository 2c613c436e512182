package dev.paymentsdr.failover.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.LeaseHolder;
import dev.paymentsdr.failover.port.out.Lease;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Lease} adapter promises, whatever stores it: one holder at a time, visible to others,
 * renewable only by its holder, released harmlessly. Subclasses give two handles on one fresh, free lease
 * (as two orchestrator processes would have).
 */
public abstract class LeaseContract {
    private static final Duration TTL = Duration.ofSeconds(60);

    /** A handle on a lease nobody holds; every test gets a fresh one. */
    protected abstract Lease lease();

    /** A second handle on the same lease, as another process would open it. */
    protected abstract Lease sameLeaseFromAnotherProcess();

    @Test
    void givenAFreeLease_whenAcquired_thenEveryHandleSeesTheHolder() {
        ExecutionId id = new ExecutionId("contract-a");

        Lease.Attempt attempt = lease().tryAcquire(id, "owner a", TTL);

        assertThat(attempt.acquired()).isTrue();
        assertThat(lease().holder()).map(LeaseHolder::executionId).contains(id);
        assertThat(sameLeaseFromAnotherProcess().holder()).map(LeaseHolder::executionId).contains(id);
        lease().release(id);
    }

    @Test
    void givenAHeldLease_whenAnotherExecutionTriesToTakeIt_thenItIsRefusedWithTheHolder() {
        ExecutionId first = new ExecutionId("contract-first");
        assertThat(lease().tryAcquire(first, "owner a", TTL).acquired()).isTrue();

        Lease.Attempt second = sameLeaseFromAnotherProcess().tryAcquire(new ExecutionId("contract-second"), "owner b", TTL);

        assertThat(second.acquired()).isFalse();
        assertThat(second.heldBy()).map(LeaseHolder::executionId).contains(first);
        assertThat(second.heldBy()).map(LeaseHolder::owner).contains("owner a");
        lease().release(first);
    }

    @Test
    void givenAReleasedLease_thenItIsFreeForTheNextExecution() {
        ExecutionId first = new ExecutionId("contract-released");
        lease().tryAcquire(first, "owner a", TTL);

        lease().release(first);

        assertThat(lease().holder()).isEmpty();
        ExecutionId next = new ExecutionId("contract-next");
        assertThat(sameLeaseFromAnotherProcess().tryAcquire(next, "owner b", TTL).acquired()).isTrue();
        sameLeaseFromAnotherProcess().release(next);
    }

    @Test
    void givenTheHolder_whenRenewing_thenTheExpiryMovesOn_andAnyoneElseRenewingFails() {
        ExecutionId id = new ExecutionId("contract-renew");
        lease().tryAcquire(id, "owner a", Duration.ofSeconds(30));
        java.time.Instant before = lease().holder().orElseThrow().expiresAt();

        lease().renew(id, Duration.ofMinutes(10));

        assertThat(sameLeaseFromAnotherProcess().holder().orElseThrow().expiresAt())
                .isAfter(before.plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> sameLeaseFromAnotherProcess().renew(new ExecutionId("contract-intruder"), TTL))
                .isInstanceOf(RuntimeException.class);
        lease().release(id);
    }

    @Test
    void givenANonHolder_whenReleasing_thenTheHolderKeepsTheLease() {
        ExecutionId id = new ExecutionId("contract-kept");
        lease().tryAcquire(id, "owner a", TTL);

        sameLeaseFromAnotherProcess().release(new ExecutionId("contract-stranger"));

        assertThat(lease().holder()).map(LeaseHolder::executionId).contains(id);
        lease().release(id);
    }
}
