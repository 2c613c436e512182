package dev.paymentsdr.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.lab.state.LabState;
import dev.paymentsdr.lab.state.RegionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a new lab is laid out, and how an existing one is held to its settings. */
class LabLayoutTest {

    private static Path openDir(Path tmp) throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        Path dir = tmp.resolve("lab");
        LabLayout.prepareDir(dir);
        return dir;
    }

    @Test
    void aNewLabGetsDistinctPortsASecretPasswordFileAndTheConfiguredRegions(@TempDir Path tmp) throws Exception {
        Path dir = openDir(tmp);
        LabConfig config = LabConfig.builder().dir(dir).replication(ReplicationMode.ASYNC).frontDoorPort(18480)
                .primaryRegion("eu-west-1").standbyRegion("eu-central-1").build();

        LabState state = LabLayout.create(config, message -> { });

        assertThat(state.frontDoorPort()).isEqualTo(18480);
        assertThat(state.regions()).extracting(RegionState::name).containsExactly("eu-west-1", "eu-central-1");
        assertThat(state.regions()).extracting(RegionState::role).containsExactly(RegionRole.PRIMARY, RegionRole.STANDBY);
        assertThat(java.util.stream.Stream.of(state.frontDoorPort(), state.regions().get(0).dbPort(),
                state.regions().get(0).servicePort(), state.regions().get(1).dbPort(), state.regions().get(1).servicePort()))
                .doesNotHaveDuplicates();
        Path password = Path.of(state.passwordFile());
        assertThat(Files.getPosixFilePermissions(password)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(password).strip()).hasSize(48).matches("[0-9a-f]+");
        assertThat(state.pgRoot()).isEqualTo(dir.resolve("pg").toString());
        assertThat(state.replication()).isEqualTo(ReplicationMode.ASYNC);
    }

    @Test
    void givenAnExistingLab_thenUpWithoutFlagsIsAcceptedWhateverItsSettings(@TempDir Path tmp) throws Exception {
        Path dir = openDir(tmp);
        LabState state = LabLayout.create(LabConfig.builder().dir(dir).replication(ReplicationMode.ASYNC)
                .checkInterval(Duration.ofMillis(500)).primaryRegion("eu-west-1").standbyRegion("eu-central-1").build(), m -> { });

        assertThatCode(() -> LabLayout.checkSameLab(state, LabConfig.builder().dir(dir).build())).doesNotThrowAnyException();
    }

    @Test
    void givenAnExistingLab_thenAskingForOtherSettingsNamesEachDifferenceAndTheWayOut(@TempDir Path tmp) throws Exception {
        Path dir = openDir(tmp);
        LabState state = LabLayout.create(LabConfig.builder().dir(dir).replication(ReplicationMode.ASYNC).build(), m -> { });

        LabConfig asked = LabConfig.builder().dir(dir).replication(ReplicationMode.SYNC).fall(5).standbyRegion("us-west-2").build();

        assertThatThrownBy(() -> LabLayout.checkSameLab(state, asked)).isInstanceOf(LabException.class)
                .hasMessageContaining("replication async (asked: sync)")
                .hasMessageContaining("fall 3 rise 2 (asked: 1000ms fall 5 rise 2)")
                .hasMessageContaining("(asked: us-west-2)")
                .hasMessageContaining("drctl lab down --purge");
    }
}
