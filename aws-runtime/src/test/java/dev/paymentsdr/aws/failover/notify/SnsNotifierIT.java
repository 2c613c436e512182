package dev.paymentsdr.aws.failover.notify;

import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_1;
import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionState;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.port.out.Notifier.Notification;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SNS publishing against moto: the structured message, and no exception when no topic takes it. */
class SnsNotifierIT {
    private AwsWorld world;

    @BeforeEach
    void createTopics() {
        world = new AwsWorld(MotoTest.server());
    }

    @AfterEach
    void close() {
        world.close();
    }

    private static Notification notification() {
        return new Notification(new ExecutionId("fo-sns"), FailoverMode.UNPLANNED, EAST_1, EAST_2, ExecutionState.COMPLETED,
                "unplanned failover fo-sns completed: us-east-2 is the active region");
    }

    @Test
    void theMessageIsStructuredJsonNamingTheExecutionRegionsAndState() {
        assertThat(SnsNotifier.message(notification())).containsEntry("executionId", "fo-sns")
                .containsEntry("fromRegion", "us-east-1").containsEntry("toRegion", "us-east-2")
                .containsEntry("state", "COMPLETED").containsEntry("mode", "unplanned");
    }

    @Test
    void givenTheSurvivingRegionsTopic_thenPublishingSucceeds_andAMissingTopicNeverThrows() {
        SnsNotifier notifier = new SnsNotifier(world.clients()::sns, Map.of(
                EAST_2, world.resources().region(EAST_2).alertTopicArn()));
        SnsNotifier broken = new SnsNotifier(world.clients()::sns, Map.of(
                EAST_2, world.resources().region(EAST_2).alertTopicArn() + "-absent"));

        assertThatCode(() -> notifier.notify(notification())).doesNotThrowAnyException();
        assertThatCode(() -> broken.notify(notification())).doesNotThrowAnyException();
    }
}
