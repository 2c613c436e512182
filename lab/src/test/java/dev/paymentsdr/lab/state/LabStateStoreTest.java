package dev.paymentsdr.lab.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.lab.LabException;
import dev.paymentsdr.lab.RegionRole;
import dev.paymentsdr.lab.ReplicationMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabStateStoreTest {

    private static LabState sample(Path dir) {
        return new LabState(LabState.CURRENT_VERSION, dir.toString(), dir.resolve("pg").toString(),
                dir.resolve("db-password").toString(), ReplicationMode.SYNC, 1000, 3, 2, 18080,
                dir.resolve("haproxy.cfg").toString(), dir.resolve("haproxy.sock").toString(),
                dir.resolve("logs/haproxy.log").toString(), 4242L,
                List.of(new RegionState("us-east-1", RegionRole.PRIMARY, 18081, dir.resolve("pg/us-east-1").toString(),
                                101L, 18083, 202L, dir.resolve("logs/us-east-1-service.log").toString()),
                        new RegionState("us-east-2", RegionRole.STANDBY, 18082, dir.resolve("pg/us-east-2").toString(),
                                null, 18084, null, dir.resolve("logs/us-east-2-service.log").toString())),
                SampleNetwork.of(dir));
    }

    @Test
    void aSavedStateReadsBackEqual(@TempDir Path dir) {
        LabStateStore store = new LabStateStore(dir);
        LabState state = sample(dir);

        store.save(state);

        assertThat(store.load()).contains(state);
    }

    @Test
    void theFileUsesLowerCaseModesAndRolesAndHoldsNoPassword(@TempDir Path dir) throws Exception {
        LabStateStore store = new LabStateStore(dir);
        store.save(sample(dir));

        String json = Files.readString(store.file());

        assertThat(json).contains("\"replication\" : \"sync\"").contains("\"role\" : \"standby\"")
                .contains("\"passwordFile\"").doesNotContain("\"password\"");
    }

    @Test
    void anUpdateChangesOneRegionAndKeepsTheRest(@TempDir Path dir) {
        LabStateStore store = new LabStateStore(dir);
        store.save(sample(dir));

        store.update(s -> s.withRegion("us-east-2", r -> r.withRole(RegionRole.PRIMARY).withServicePid(77L)));

        LabState loaded = store.load().orElseThrow();
        assertThat(loaded.region("us-east-2").orElseThrow().role()).isEqualTo(RegionRole.PRIMARY);
        assertThat(loaded.region("us-east-2").orElseThrow().servicePid()).isEqualTo(77L);
        assertThat(loaded.region("us-east-1")).isEqualTo(sample(dir).region("us-east-1"));
    }

    @Test
    void givenNoStateFile_thenLoadIsEmptyAndUpdateSaysHowToStartALab(@TempDir Path dir) {
        LabStateStore store = new LabStateStore(dir);

        assertThat(store.load()).isEmpty();
        assertThatThrownBy(() -> store.update(s -> s)).isInstanceOf(LabException.class)
                .hasMessageContaining("start one with 'drctl lab up'");
    }

    @Test
    void givenAnUnknownRegion_thenTheErrorListsTheRegions(@TempDir Path dir) {
        assertThatThrownBy(() -> sample(dir).withRegion("eu-west-1", r -> r))
                .hasMessageContaining("no region named 'eu-west-1'").hasMessageContaining("us-east-1, us-east-2");
    }
}
