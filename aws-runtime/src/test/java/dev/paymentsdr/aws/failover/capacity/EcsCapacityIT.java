package dev.paymentsdr.aws.failover.capacity;

import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_1;
import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ECS scaling and readiness against moto and the world's region endpoints. */
class EcsCapacityIT {
    private AwsWorld world;
    private EcsCapacity capacity;

    @BeforeEach
    void createServices() {
        world = new AwsWorld(MotoTest.server());
        capacity = new EcsCapacity(world.clients()::ecs, world.resources().byRegion(), new HttpReadiness(), r -> false, MotoTest.waiter());
    }

    @AfterEach
    void close() {
        world.close();
    }

    private int desired(String name) {
        RegionId region = RegionId.of(name);
        var r = world.resources().region(region).ecs().orElseThrow();
        return world.clients().ecs(region).describeServices(b -> b.cluster(r.cluster()).services(r.service()))
                .services().get(0).desiredCount();
    }

    @Test
    void givenTheWriterRegion_thenItIsReady_andTheSecondaryIsNot() {
        assertThat(capacity.isReady(EAST_1)).isTrue();
        assertThat(capacity.isReady(EAST_2)).isFalse();
    }

    @Test
    void givenTheSecondaryAtItsMinimum_whenRunning_thenItKeepsItsSize() {
        assertThat(capacity.ensureRunning(EAST_2, Duration.ofSeconds(5))).contains("already wants 1 tasks");
        assertThat(desired("us-east-2")).isEqualTo(1);
    }

    @Test
    void givenThePrimaryRunsFourTasks_whenTheSecondaryMustServe_thenItScalesToFourAndWaitsForReadinessWithADeadline() {
        assertThatThrownBy(() -> capacity.ensureReady(EAST_2, Duration.ofSeconds(1)))
                .hasMessageContaining("answering ready").hasMessageContaining("HTTP 503");

        assertThat(desired("us-east-2")).isEqualTo(4);
        world.clients().rds(EAST_2).failoverGlobalCluster(b -> b.globalClusterIdentifier(world.resources().globalClusterId())
                .targetDbClusterIdentifier(world.clusterArn(EAST_2)).allowDataLoss(true));
        assertThat(capacity.ensureReady(EAST_2, Duration.ofSeconds(10))).contains("already wants 4 tasks").contains("answers ready");
    }

    @Test
    void givenAServerlessRegion_whenItMustServe_thenNothingIsScaledAndOnlyItsReadinessIsAwaited() {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(world.settings());
        settings.keySet().removeIf(k -> k.endsWith(".ecs-cluster") || k.endsWith(".ecs-service"));
        var serverless = dev.paymentsdr.aws.failover.config.FailoverResources.parse(settings, "serverless world");
        EcsCapacity lambdaOnly = new EcsCapacity(world.clients()::ecs, serverless.byRegion(), new HttpReadiness(),
                r -> false, MotoTest.waiter());

        assertThat(lambdaOnly.ensureRunning(EAST_2, Duration.ofSeconds(1))).contains("no ECS service (serverless)");
        assertThat(lambdaOnly.ensureReady(EAST_1, Duration.ofSeconds(5))).contains("nothing to scale").contains("answers ready");
        assertThatThrownBy(() -> lambdaOnly.ensureReady(EAST_2, Duration.ofSeconds(1))).hasMessageContaining("HTTP 503");
        assertThat(desired("us-east-2")).isEqualTo(1);
    }

    @Test
    void givenNoPaymentEndpoint_thenARegionIsReadyWhenItsDatabaseIsTheWriter() {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(world.settings());
        settings.keySet().removeIf(k -> k.endsWith(".ecs-cluster") || k.endsWith(".ecs-service") || k.endsWith(".health-url"));
        var databaseOnly = dev.paymentsdr.aws.failover.config.FailoverResources.parse(settings, "database-only world");
        EcsCapacity capacity = new EcsCapacity(world.clients()::ecs, databaseOnly.byRegion(), new HttpReadiness(),
                world::isWriter, MotoTest.waiter());

        assertThat(capacity.isReady(EAST_1)).isTrue();
        assertThat(capacity.isReady(EAST_2)).isFalse();
        assertThatThrownBy(() -> capacity.ensureReady(EAST_2, Duration.ofMillis(300))).hasMessageContaining("database being the writer");
        assertThat(capacity.ensureReady(EAST_1, Duration.ofSeconds(1))).contains("database is the writer");
    }
}
