package dev.paymentsdr.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.lab.haproxy.HaproxyConfig;
import dev.paymentsdr.lab.state.LabState;
import dev.paymentsdr.lab.state.LabStateStore;
import dev.paymentsdr.lab.state.RegionState;
import dev.paymentsdr.lab.state.SampleNetwork;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the lab derives from the roles in its state: database settings and HAProxy's active server. */
class LabRolesTest {

    private static Lab labWith(Path dir, ReplicationMode mode) {
        new LabStateStore(dir).save(new LabState(LabState.CURRENT_VERSION, dir.toString(), dir.resolve("pg").toString(),
                dir.resolve("db-password").toString(), mode, 1000, 3, 2, 18080, dir.resolve("haproxy.cfg").toString(),
                dir.resolve("haproxy.sock").toString(), dir.resolve("haproxy.log").toString(), null,
                List.of(new RegionState("us-east-1", RegionRole.PRIMARY, 18081, dir.resolve("pg/us-east-1").toString(),
                                null, 18083, null, dir.resolve("us-east-1.log").toString()),
                        new RegionState("us-east-2", RegionRole.STANDBY, 18082, dir.resolve("pg/us-east-2").toString(),
                                null, 18084, null, dir.resolve("us-east-2.log").toString())),
                SampleNetwork.of(dir)));
        return Lab.open(dir);
    }

    @Test
    void givenSyncReplication_thenThePrimaryWaitsForTheStandbyByItsStableName(@TempDir Path dir) {
        Lab lab = labWith(dir, ReplicationMode.SYNC);

        assertThat(lab.region("us-east-1").databaseSettings(RegionRole.PRIMARY))
                .containsEntry("synchronous_standby_names", "'FIRST 1 (\"us_east_2\")'")
                .containsEntry("cluster_name", "'us_east_1'");
        assertThat(lab.region("us-east-2").replicationName()).isEqualTo("us_east_2");
    }

    @Test
    void aStandbyWaitsForNobodySoThatOncePromotedItCanCommitAlone(@TempDir Path dir) {
        Lab lab = labWith(dir, ReplicationMode.SYNC);

        assertThat(lab.region("us-east-2").databaseSettings(RegionRole.STANDBY))
                .containsEntry("synchronous_standby_names", "''")
                .containsEntry("cluster_name", "'us_east_2'");
    }

    @Test
    void givenAsyncReplication_thenThePrimaryWaitsForNobody(@TempDir Path dir) {
        Lab lab = labWith(dir, ReplicationMode.ASYNC);

        assertThat(lab.region("us-east-1").databaseSettings(RegionRole.PRIMARY))
                .containsEntry("synchronous_standby_names", "''");
    }

    @Test
    void haproxyMakesThePrimaryRegionTheActiveServerThroughItsClientLinkAndFollowsARoleChange(@TempDir Path dir) {
        Lab lab = labWith(dir, ReplicationMode.SYNC);
        // HAProxy reaches each service through the clients->region link (18091, 18092), as clients do
        assertThat(lab.haproxy().config().servers()).containsExactly(
                new HaproxyConfig.Server("us-east-1", 18091, false), new HaproxyConfig.Server("us-east-2", 18092, true));

        lab.setRole("us-east-1", RegionRole.STANDBY);
        lab.setRole("us-east-2", RegionRole.PRIMARY);

        assertThat(lab.primary().name()).isEqualTo("us-east-2");
        assertThat(lab.haproxy().config().servers()).containsExactly(
                new HaproxyConfig.Server("us-east-2", 18092, false), new HaproxyConfig.Server("us-east-1", 18091, true));
    }

    @Test
    void theOrchestratorInTheStandbyRegionReachesTheOtherRegionThroughItsLinksAndItsOwnDirectly(@TempDir Path dir) throws Exception {
        Lab lab = labWith(dir, ReplicationMode.SYNC);
        java.nio.file.Files.writeString(dir.resolve("db-password"), "not-used-here\n");

        assertThat(lab.network().controlRegion()).isEqualTo("us-east-2");
        assertThat(lab.region("us-east-1").dbFrom("us-east-2").clientPort()).isEqualTo(18093);
        assertThat(lab.region("us-east-1").dbFrom("us-east-2").port()).as("the server's own port").isEqualTo(18081);
        assertThat(lab.region("us-east-2").dbFrom("us-east-2").clientPort()).isEqualTo(18082);
        assertThat(lab.region("us-east-2").dbFrom("us-east-1").jdbcUrl("postgres")).endsWith(":18094/postgres");
        assertThat(lab.region("us-east-1").serviceUrlFrom("us-east-2").getPort()).isEqualTo(18095);
        assertThat(lab.region("us-east-1").clientUrl().getPort()).isEqualTo(18091);
    }

    @Test
    void givenNoRunningProcesses_thenNothingIsReportedAlive(@TempDir Path dir) {
        Lab lab = labWith(dir, ReplicationMode.SYNC);

        assertThat(lab.haproxy().isRunning()).isFalse();
        assertThat(lab.haproxy().routesTo()).isEmpty();
        assertThat(lab.region("us-east-1").isServiceRunning()).isFalse();
    }

    @Test
    void givenAnUnknownRegionOrNoLab_thenTheErrorSaysWhatExists(@TempDir Path dir) {
        Lab lab = labWith(dir, ReplicationMode.SYNC);

        assertThatThrownBy(() -> lab.region("eu-west-1")).isInstanceOf(LabException.class)
                .hasMessage("no region 'eu-west-1' in the lab (regions: [us-east-1, us-east-2])");
        assertThatThrownBy(() -> Lab.open(dir.resolve("elsewhere"))).isInstanceOf(LabException.class)
                .hasMessageContaining("start one with 'drctl lab up'");
    }
}
