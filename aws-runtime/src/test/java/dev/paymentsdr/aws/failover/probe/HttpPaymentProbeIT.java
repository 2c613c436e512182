package dev.paymentsdr.aws.failover.probe;

import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.aws.failover.AwsFailover;
import dev.paymentsdr.aws.failover.config.FailoverResources;
import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.failover.application.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validation payment: through the global endpoint, or the active region's own, signed for an IAM-authorized API. */
class HttpPaymentProbeIT {
    private AwsWorld world;

    @BeforeEach
    void createBothRegions() {
        world = new AwsWorld(MotoTest.server());
    }

    @AfterEach
    void close() {
        world.close();
    }

    private AwsFailover failover(Map<String, String> changes) {
        Map<String, String> settings = new LinkedHashMap<>(world.settings());
        changes.forEach((k, v) -> {
            if (v == null) {
                settings.remove(k);
            } else {
                settings.put(k, v);
            }
        });
        return AwsFailover.create(FailoverResources.parse(settings, "test"), world.clients(), MotoTest.timeouts(),
                Clock.systemUTC(), Sleeper.system());
    }

    @Test
    void withoutAGlobalEndpoint_thePaymentGoesToTheActiveRegionsOwnEndpoint() {
        Map<String, String> noGlobal = new LinkedHashMap<>();
        noGlobal.put(FailoverResources.PROBE_URL, null);
        String done = failover(noGlobal).ports().probe().roundTrip("probe-regional", Duration.ofSeconds(5));

        URI east1 = HttpPaymentProbe.endpointOf(world.resources().region(EAST_1).healthUrl().orElseThrow());
        assertThat(done).contains("read back through " + east1).contains("written in us-east-1");
    }

    @Test
    void anIamAuthorizedApi_refusesAnUnsignedPayment_andTakesTheSignedOne() {
        world.requireSignedPayments();
        Map<String, String> restApi = new LinkedHashMap<>(Map.of(FailoverResources.PROBE_PAYMENTS_PATH, "payments"));
        assertThatThrownBy(() -> failover(restApi).ports().probe().roundTrip("probe-unsigned", Duration.ofMillis(500)))
                .hasMessageContaining("answered 403");

        restApi.put(FailoverResources.PROBE_SIGNING, "execute-api");
        assertThat(failover(restApi).ports().probe().roundTrip("probe-signed", Duration.ofSeconds(5)))
                .contains("posted and read back").contains("written in us-east-1");
    }

    @Test
    void theEndpointOfAReadinessUrlIsItsBase() {
        assertThat(HttpPaymentProbe.endpointOf(URI.create("https://alb.example/health/ready")))
                .isEqualTo(URI.create("https://alb.example/"));
        assertThat(HttpPaymentProbe.endpointOf(URI.create("https://abc.execute-api.us-east-2.amazonaws.com/prod/health/ready")))
                .isEqualTo(URI.create("https://abc.execute-api.us-east-2.amazonaws.com/prod/"));
        assertThat(HttpPaymentProbe.endpointOf(URI.create("https://x.lambda-url.us-east-2.on.aws/")))
                .isEqualTo(URI.create("https://x.lambda-url.us-east-2.on.aws/"));
    }

    @Test
    void aBadProbeSettingIsNamed() {
        assertThatThrownBy(() -> failover(Map.of(FailoverResources.PROBE_SIGNING, "sigv2",
                FailoverResources.PROBE_PAYMENTS_PATH, "pay ments")))
                .hasMessageContaining("probe-signing: 'sigv2' is not none or execute-api")
                .hasMessageContaining("probe-payments-path: 'pay ments' is not a path");
    }
}
