package dev.paymentsdr.aws.failover.traffic;

import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hand-rolled Global Accelerator client (JSON 1.1, SigV4) against the emulator, and its endpoint settings. */
class GlobalAcceleratorApiIT {
    private AwsWorld world;
    private GlobalAcceleratorApi api;
    private String group;

    @BeforeEach
    void createAccelerator() {
        world = new AwsWorld(MotoTest.server());
        world.addAccelerator();
        api = world.clients().globalAccelerator();
        group = world.settings().get("region.us-east-1.accelerator-endpoint-group-arn");
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void whenTheDialIsUpdated_thenDescribeReadsItBack_withTheGroupsRegion() {
        GlobalAcceleratorApi.EndpointGroup updated = api.updateTrafficDial(group, 25);

        assertThat(updated.trafficDial()).isEqualTo(25.0);
        assertThat(api.describeEndpointGroup(group)).isEqualTo(new GlobalAcceleratorApi.EndpointGroup(group, EAST_1.name(), 25.0));
    }

    @Test
    void givenAnErrorResponse_thenTheMessageNamesOperationTypeAndAwsMessage_butNoCredentials() {
        assertThatThrownBy(() -> api.call("UpdateEndpointGroup", Map.of("EndpointGroupArn", group, "TrafficDialPercentage", 150)))
                .isInstanceOf(AwsFailoverException.class)
                .hasMessageContaining("UpdateEndpointGroup failed: HTTP 400 ValidationException")
                .hasMessageContaining("trafficDialPercentage")
                .hasMessageNotContaining("testing");
        assertThatThrownBy(() -> api.describeEndpointGroup(group + "0")).hasMessageContaining("EndpointGroupNotFoundException");
        assertThat(api.describeEndpointGroup(group).trafficDial()).isEqualTo(100.0);
    }

    @Test
    void givenADialOutside0To100_thenItIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> api.updateTrafficDial(group, 101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0-100").hasMessageContaining("101");
        assertThatThrownBy(() -> api.updateTrafficDial(group, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEndpointFollowsTheSdksVariables_serviceSpecificFirst() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_ENDPOINT_URL_GLOBAL_ACCELERATOR",
                "http://127.0.0.1:2");
        assertThat(GlobalAcceleratorApi.endpointFrom(env::get, k -> null)).isEqualTo(URI.create("http://127.0.0.1:2"));
        assertThat(GlobalAcceleratorApi.endpointFrom(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1")::get, k -> null))
                .isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(GlobalAcceleratorApi.endpointFrom(k -> null, k -> null))
                .isEqualTo(URI.create("https://globalaccelerator.us-west-2.amazonaws.com"));
        assertThatThrownBy(() -> GlobalAcceleratorApi.endpointFrom(Map.of("AWS_ENDPOINT_URL", "localhost")::get, k -> null))
                .hasMessageContaining("'localhost' is not an http(s) URL");
    }
}
