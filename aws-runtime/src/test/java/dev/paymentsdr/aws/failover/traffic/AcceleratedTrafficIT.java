package dev.paymentsdr.aws.failover.traffic;

import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_1;
import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.aws.testing.MotoServer;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.contract.TrafficContract;
import dev.paymentsdr.failover.port.out.Traffic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The traffic contract on Route 53 with a Global Accelerator beside it (the emulator's Global Accelerator in moto). */
class AcceleratedTrafficIT extends TrafficContract {
    private AwsWorld world;
    private AcceleratedTraffic traffic;

    @BeforeEach
    void createAccelerator() {
        world = new AwsWorld(MotoTest.server());
        world.addAccelerator();
        traffic = traffic(Duration.ofSeconds(10));
    }

    private AcceleratedTraffic traffic(Duration deployTimeout) {
        return new AcceleratedTraffic(Route53TrafficIT.traffic(world, true), world.clients().globalAccelerator(),
                world.resources().accelerator().orElseThrow(), MotoTest.waiter(), deployTimeout);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Override
    protected Traffic traffic() {
        return traffic;
    }

    @Override
    protected RegionId first() {
        return EAST_1;
    }

    @Override
    protected RegionId second() {
        return EAST_2;
    }

    @Test
    void givenARouteToTheSecondRegion_thenItsDialIsRaisedBeforeTheOldRegionsIsLowered_andBothAgreeOnTheActiveRegion() {
        MotoServer moto = MotoTest.server();
        moto.startRecording();
        String done;
        try {
            done = traffic.routeTo(EAST_2, EAST_1);
        } finally {
            moto.stopRecording();
        }

        List<String> dialChanges = moto.recorded().stream().map(MotoServer.Recorded::body)
                .filter(b -> b.contains("TrafficDialPercentage")).toList();
        String second = world.settings().get("region.us-east-2.accelerator-endpoint-group-arn");
        String first = world.settings().get("region.us-east-1.accelerator-endpoint-group-arn");
        assertThat(dialChanges).hasSize(2);
        assertThat(dialChanges.get(0)).contains(second).contains("100");
        assertThat(dialChanges.get(1)).contains(first).contains("0");
        assertThat(world.trafficDial(EAST_2)).isEqualTo(100.0);
        assertThat(world.trafficDial(EAST_1)).isEqualTo(0.0);
        assertThat(done).contains("PRIMARY record").contains("dials us-east-2 to 100").contains("DEPLOYED");
        assertThat(traffic.activeRegion()).contains(EAST_2);
        assertThat(traffic.disagreement()).isEmpty();
    }

    @Test
    void givenDialsThatDisagreeWithRoute53_thenNoRegionIsActive_andTheDisagreementNamesBothReadings() {
        world.clients().globalAccelerator().updateTrafficDial(world.settings().get("region.us-east-1.accelerator-endpoint-group-arn"), 0);
        world.clients().globalAccelerator().updateTrafficDial(world.settings().get("region.us-east-2.accelerator-endpoint-group-arn"), 100);

        assertThat(traffic.activeRegion()).isEmpty();
        assertThat(traffic.disagreement()).hasValueSatisfying(d -> assertThat(d).contains("Route 53 selects us-east-1")
                .contains("us-east-2 100%").contains("disagree"));
    }

    @Test
    void givenBothRegionsDialledUp_thenTheAcceleratorMovesByHealth_andRoute53NamesTheActiveRegion() {
        world.clients().globalAccelerator().updateTrafficDial(world.settings().get("region.us-east-2.accelerator-endpoint-group-arn"), 100);

        assertThat(traffic.activeRegion()).contains(EAST_1);
    }

    @Test
    void givenAnAcceleratorThatNeverDeploys_whenRouting_thenTheWaitEndsAtItsDeadlineNamingTheAccelerator() {
        world.holdAcceleratorDeployments();
        AcceleratedTraffic impatient = traffic(Duration.ofMillis(500));

        assertThatThrownBy(() -> impatient.routeTo(EAST_2, EAST_1)).isInstanceOf(AwsFailoverException.class)
                .hasMessageContaining("Global Accelerator " + world.resources().accelerator().orElseThrow().acceleratorArn()
                        + " reaching DEPLOYED did not happen within 0 s").hasMessageContaining("IN_PROGRESS");
    }
}
