package dev.paymentsdr.aws.failover.database;

import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_1;
import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.Promotion;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.ReplicationLag;
import dev.paymentsdr.failover.port.contract.DatabaseControlContract;
import dev.paymentsdr.failover.port.out.DatabaseControl;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database contract on an Aurora global cluster in moto (with the repository's switchover/failover extension). */
class AuroraGlobalDatabaseIT extends DatabaseControlContract {
    private AwsWorld world;
    private AuroraGlobalDatabase database;

    @BeforeEach
    void createGlobalCluster() {
        world = new AwsWorld(MotoTest.server());
        database = database(world);
    }

    @AfterEach
    void close() {
        world.close();
    }

    static AuroraGlobalDatabase database(AwsWorld world) {
        return new AuroraGlobalDatabase(world.clients()::rds,
                new CloudWatchReplicationLag(world.clients()::cloudWatch, Clock.systemUTC()),
                world.resources().globalClusterId(),
                Map.of(EAST_1, world.clusterId(EAST_1), EAST_2, world.clusterId(EAST_2)), MotoTest.waiter(),
                Duration.ofSeconds(20));
    }

    @Override
    protected DatabaseControl database() {
        return database;
    }

    @Override
    protected RegionId primary() {
        return EAST_1;
    }

    @Override
    protected RegionId standby() {
        return EAST_2;
    }

    @Test
    void givenPublishedLagMetrics_thenTheLagIsTheLargerOfReplicationAndRpoLag_inTime() {
        world.setLag(EAST_2, 1800);

        ReplicationLag lag = database.lag(EAST_2, EAST_1).orElseThrow();

        assertThat(lag.delay()).isEqualTo(Duration.ofMillis(1800));
    }

    @Test
    void givenNoLagMetrics_thenTheLagCannotBeMeasured() {
        AuroraGlobalDatabase withoutMetrics = new AuroraGlobalDatabase(world.clients()::rds,
                new CloudWatchReplicationLag(world.clients()::cloudWatch, Clock.offset(Clock.systemUTC(), Duration.ofHours(2))),
                world.resources().globalClusterId(), Map.of(EAST_1, world.clusterId(EAST_1), EAST_2, world.clusterId(EAST_2)),
                MotoTest.waiter(), Duration.ofSeconds(20));

        assertThat(withoutMetrics.lag(EAST_2, EAST_1)).isEmpty();
    }

    @Test
    void givenAnUnplannedFailover_thenFailoverGlobalClusterMovesTheWriter_andTheOldPrimaryRejoinsOnceResynced() {
        String done = database.promote(EAST_2, Promotion.of(FailoverMode.UNPLANNED));

        assertThat(done).contains("FailoverGlobalCluster (AllowDataLoss)");
        assertThat(database.role(EAST_2)).isEqualTo(DatabaseRole.PRIMARY);
        assertThat(database.rejoinAsStandby(EAST_1, EAST_2, Duration.ofSeconds(10))).contains("synchronization connected");
        assertThat(database.role(EAST_1)).isEqualTo(DatabaseRole.STANDBY);
    }

    @Test
    void givenARefusedManagedFailover_thenTheTargetIsDetachedAndWritable_andTheOldPrimaryCannotRejoinIt() {
        // a switchover to a third region holds the global cluster, so Aurora refuses a second operation
        RegionId west = RegionId.of("us-west-2");
        String westArn = world.addSecondary(west);
        world.holdGlobalClusterOperations();
        world.clients().rds(west).switchoverGlobalCluster(b -> b.globalClusterIdentifier(world.resources().globalClusterId())
                .targetDbClusterIdentifier(westArn));

        String done = database.promote(EAST_2, Promotion.of(FailoverMode.UNPLANNED));

        assertThat(done).contains("FailoverGlobalCluster was refused").contains("RemoveFromGlobalCluster");
        assertThat(database.role(EAST_2)).isEqualTo(DatabaseRole.PRIMARY);
        assertThat(database.promote(EAST_2, Promotion.of(FailoverMode.UNPLANNED))).contains("already detached");
        assertThatThrownBy(() -> database.rejoinAsStandby(EAST_2, EAST_1, Duration.ofSeconds(2)))
                .hasMessageContaining("is not a member").hasMessageContaining("add a new secondary cluster");
    }

    @Test
    void givenARunningSwitchover_thenTheWriterBeingDemotedReportsFenced_andARerunWaitsForItInsteadOfStartingAnother() {
        world.holdGlobalClusterOperations();
        world.clients().rds(EAST_2).switchoverGlobalCluster(b -> b.globalClusterIdentifier(world.resources().globalClusterId())
                .targetDbClusterIdentifier(world.clusterArn(EAST_2)));

        assertThat(database.role(EAST_1)).isEqualTo(DatabaseRole.FENCED_PRIMARY);
        world.releaseGlobalClusterOperations();
        assertThat(database.promote(EAST_2, Promotion.of(FailoverMode.PLANNED))).contains("an earlier attempt's switchover");
        assertThat(database.role(EAST_2)).isEqualTo(DatabaseRole.PRIMARY);
    }

    @Test
    void givenAnUnplannedPromotionWithoutTheGatesConsent_thenNothingIsCalled() {
        assertThatThrownBy(() -> database.promote(EAST_2, new Promotion(false, false))).hasMessageContaining("lag gate");
        assertThat(database.role(EAST_1)).isEqualTo(DatabaseRole.PRIMARY);
    }
}
