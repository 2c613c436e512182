package dev.paymentsdr.aws.failover.traffic;

import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_1;
import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.aws.failover.config.FailoverResources;
import dev.paymentsdr.aws.failover.config.FailoverResources.Alias;
import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.contract.TrafficContract;
import dev.paymentsdr.failover.port.out.Traffic;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.ResourceRecordSetFailover;

/** The traffic contract on Route 53 failover records and health checks in moto. */
class Route53TrafficIT extends TrafficContract {
    private AwsWorld world;
    private Route53Traffic traffic;

    @BeforeEach
    void createZone() {
        world = new AwsWorld(MotoTest.server());
        traffic = traffic(world, true);
    }

    @AfterEach
    void close() {
        world.close();
    }

    static Route53Traffic traffic(AwsWorld world, boolean records) {
        FailoverResources resources = world.resources();
        Map<RegionId, String> checks = new LinkedHashMap<>();
        Map<RegionId, Alias> aliases = new LinkedHashMap<>();
        resources.byRegion().forEach((region, r) -> {
            checks.put(region, r.healthCheckId());
            r.alias().ifPresent(a -> aliases.put(region, a));
        });
        return new Route53Traffic(world.clients().route53(), resources.regions(), checks,
                records ? resources.dns() : Optional.empty(), aliases, MotoTest.waiter(), Duration.ofSeconds(10));
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
    void givenARouteToTheSecondRegion_thenThePrimaryRecordAliasesItsLoadBalancer_andTheOldRegionsCheckStaysInverted() {
        traffic.routeTo(EAST_2, EAST_1);

        ResourceRecordSet primary = world.clients().route53().listResourceRecordSets(b -> b.hostedZoneId(world.zoneId()))
                .resourceRecordSets().stream().filter(r -> r.failover() == ResourceRecordSetFailover.PRIMARY).findFirst()
                .orElseThrow();
        assertThat(primary.healthCheckId()).isEqualTo(world.healthCheck(EAST_2));
        assertThat(primary.aliasTarget().dnsName()).startsWith("alb-us-east-2-");
        assertThat(traffic.isBlocked(EAST_1)).isTrue();
        assertThat(traffic.isBlocked(EAST_2)).isFalse();
    }

    @Test
    void givenHealthChecksOnly_thenTheFirstRegionNotBlockedIsActive() {
        Route53Traffic checksOnly = traffic(world, false);

        assertThat(checksOnly.activeRegion()).contains(EAST_1);
        checksOnly.routeTo(EAST_2, EAST_1);
        assertThat(checksOnly.activeRegion()).contains(EAST_2);
    }

    @Test
    void givenARegionWithoutAConfiguredCheck_thenTheErrorNamesTheRegions() {
        assertThatThrownBy(() -> traffic.block(RegionId.of("eu-west-1"))).hasMessageContaining("eu-west-1")
                .hasMessageContaining("us-east-1");
    }
}
