package dev.paymentsdr.infra.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.infra.config.Capacity;
import dev.paymentsdr.infra.spec.RegionSpec.Role;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;

/** A region spec refuses what cannot be deployed, says what to add or drop, and cannot be changed once built. */
class RegionSpecTest {
    private static RegionSpec.Builder east() {
        return RegionSpec.builder("us-east-1", Role.PRIMARY);
    }

    @Test
    void givenAWorkflowWithoutDatabaseOrFunctions_thenBuildingSaysWhatToAdd() {
        assertThatThrownBy(() -> east().failoverWorkflow().build())
                .hasMessageContaining("promotes the Aurora global database: add database(..)")
                .hasMessageContaining("add functions(..)");
    }

    @Test
    void givenAlarmsOnPartsThatAreNotThere_thenEachIsNamed() {
        assertThatThrownBy(() -> east().alarms(AlarmSpec.flagship()).build())
                .hasMessageContaining("database alarms need database(..)")
                .hasMessageContaining("service alarms need service(..)")
                .hasMessageContaining("table throttle alarms need globalTable()");
        assertThatThrownBy(() -> east().functions(FunctionsSpec.functionUrls()).alarms(AlarmSpec.none().apiLatencyP99(Duration.seconds(1))).build())
                .hasMessageContaining("API latency alarm needs functions(FunctionsSpec.restApi())");
    }

    @Test
    void givenFunctionsOutsideTheVpcWithADatabase_thenTheyCannotReachIt() {
        assertThatThrownBy(() -> east().database(DatabaseSpec.auroraPostgres()).functions(FunctionsSpec.functionUrls()).build())
                .hasMessageContaining("functions outside the VPC cannot reach the Aurora database");
    }

    @Test
    void givenAPublicEntryWithoutTheFirewall_orABadNetwork_thenItIsRefused() {
        assertThatThrownBy(() -> east().service(ServiceSpec.of(new Capacity(2, 4))).withoutWebFirewall().build())
                .hasMessageContaining("keep the web firewall");
        assertThatThrownBy(() -> east().cidr("192.168.0.0/16").natGateways(4).build())
                .hasMessageContaining("cidr '192.168.0.0/16' must be a 10.x.0.0/16 block")
                .hasMessageContaining("natGateways must be 0-3");
        assertThatThrownBy(() -> east().outputKey(Output.LOAD_BALANCER_DNS, "load-balancer")).hasMessageContaining("letters and digits");
    }

    @Test
    void aDerivedSpecChangesOnlyWhatItSetsAndTheOriginalStaysAsItWas() {
        RegionSpec primary = east().database(DatabaseSpec.auroraPostgres().provisioned("r6g.xlarge")).functions(FunctionsSpec.internal())
                .outputKey(Output.LOAD_BALANCER_DNS, "LoadBalancerDNS").build();
        RegionSpec secondary = primary.toBuilder().region("us-east-2", Role.SECONDARY).cidr("10.1.0.0/16")
                .database(primary.database().get().provisioned("r6g.large").readers(0)).build();
        assertThat(primary.region()).isEqualTo("us-east-1");
        assertThat(primary.cidr()).isEqualTo("10.0.0.0/16");
        assertThat(primary.database().get().instanceClass()).contains("r6g.xlarge");
        assertThat(secondary.database().get().instanceClass()).contains("r6g.large");
        assertThat(secondary.database().get().readers()).isZero();
        assertThat(secondary.outputKey(Output.LOAD_BALANCER_DNS)).isEqualTo("LoadBalancerDNS");
        assertThat(secondary.outputKey(Output.API_URL)).isEqualTo("ApiUrl");
    }

    @Test
    void thresholdsAndQueueSettingsOutsideWhatAwsAcceptsAreRefused() {
        assertThatThrownBy(() -> Threshold.above(10, Duration.seconds(30))).hasMessageContaining("whole minutes");
        assertThatThrownBy(() -> new QueueSpec(Duration.days(15), Duration.minutes(5), 3, 20)).hasMessageContaining("1 minute to 14 days");
        assertThatThrownBy(() -> FunctionsSpec.restApi().reservedConcurrency(0)).hasMessageContaining("1-1000");
        assertThatThrownBy(() -> FunctionsSpec.internal().withHealthFunction()).hasMessageContaining("needs a front door");
    }
}
