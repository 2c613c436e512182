package dev.paymentsdr.aws.failover.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.LeaseHolder;
import dev.paymentsdr.failover.port.contract.LeaseContract;
import dev.paymentsdr.failover.port.out.Lease;
import dev.paymentsdr.failover.testing.HandClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lease contract on a DynamoDB table in moto, and what only a lease with a TTL does: expire. */
class DynamoDbLeaseIT extends LeaseContract {
    private AwsWorld world;
    private Lease lease;
    private Lease other;

    @BeforeEach
    void createTable() {
        world = new AwsWorld(MotoTest.server());
        lease = lease(Clock.systemUTC());
        other = lease(Clock.systemUTC());
    }

    @AfterEach
    void close() {
        world.close();
    }

    private DynamoDbLease lease(Clock clock) {
        return new DynamoDbLease(world.clients().dynamoDb(AwsWorld.EAST_2), world.resources().stateTable(), clock);
    }

    @Override
    protected Lease lease() {
        return lease;
    }

    @Override
    protected Lease sameLeaseFromAnotherProcess() {
        return other;
    }

    @Test
    void givenAnExpiredLease_whenAnotherOrchestratorTriesIt_thenItTakesOver_andTheOldHolderStopsAtItsNextRenewal() {
        HandClock clock = new HandClock(Instant.parse("2026-06-01T12:00:00Z"));
        DynamoDbLease crashed = lease(clock);
        DynamoDbLease successor = lease(clock);
        ExecutionId first = new ExecutionId("fo-crashed");
        ExecutionId second = new ExecutionId("fo-successor");
        assertThat(crashed.tryAcquire(first, "pid 1", Duration.ofSeconds(2)).acquired()).isTrue();
        assertThat(successor.tryAcquire(second, "pid 2", Duration.ofSeconds(2)).acquired()).isFalse();

        clock.advance(Duration.ofSeconds(3));

        assertThat(successor.holder()).isEmpty();
        assertThat(successor.tryAcquire(second, "pid 2", Duration.ofSeconds(2)).acquired()).isTrue();
        assertThat(crashed.holder()).map(LeaseHolder::executionId).contains(second);
        assertThatThrownBy(() -> crashed.renew(first, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no longer held by fo-crashed");
        crashed.release(first);
        assertThat(successor.holder()).map(LeaseHolder::owner).contains("pid 2");
    }

    @Test
    void givenAHolderThatKeepsRenewing_thenItsLeaseOutlivesTheFirstTtl() {
        HandClock clock = new HandClock(Instant.parse("2026-06-01T12:00:00Z"));
        DynamoDbLease holder = lease(clock);
        DynamoDbLease rival = lease(clock);
        ExecutionId id = new ExecutionId("fo-renewing");
        holder.tryAcquire(id, "pid 1", Duration.ofSeconds(2));

        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            holder.renew(id, Duration.ofSeconds(2));
        }

        assertThat(rival.tryAcquire(new ExecutionId("fo-rival"), "pid 2", Duration.ofSeconds(2)).acquired()).isFalse();
    }
}
