package dev.paymentsdr.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabConfigTest {

    @Test
    void defaultsAreTwoUsEastRegionsSyncReplicationAndOneSecondChecks() {
        LabConfig config = LabConfig.builder().dir(Path.of("/tmp/x")).build();

        assertThat(config.primary().name()).isEqualTo("us-east-1");
        assertThat(config.standby().name()).isEqualTo("us-east-2");
        assertThat(config.replication()).isEqualTo(ReplicationMode.SYNC);
        assertThat(config.checkInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.fall()).isEqualTo(3);
        assertThat(config.rise()).isEqualTo(2);
        assertThat(config.frontDoorPort()).isZero();
    }

    @Test
    void theRegionLinksDefaultToThePairsTypicalRoundTripAndAnUnknownPairNeedsAnExplicitOne() {
        assertThat(LabConfig.builder().build().linkRoundTrip()).isEqualTo(Duration.ofMillis(12));
        LabConfig west = LabConfig.builder().standbyRegion("us-west-2").build();
        assertThat(west.linkRoundTrip()).isEqualTo(Duration.ofMillis(65));
        assertThat(west.linkLatencySource()).isEqualTo("typical for us-east-1/us-west-2");

        assertThatThrownBy(() -> LabConfig.builder().primaryRegion("mars-north-1").build())
                .hasMessageContaining("no typical round trip is known between mars-north-1 and us-east-2")
                .hasMessageContaining("--link-latency").hasMessageContaining("us-east-1/us-west-2 65 ms");
        LabConfig explicit = LabConfig.builder().primaryRegion("mars-north-1").linkRoundTrip(Duration.ofMillis(300)).build();
        assertThat(explicit.linkRoundTrip()).isEqualTo(Duration.ofMillis(300));
        assertThat(explicit.linkLatencySource()).isEqualTo("set");
        assertThatThrownBy(() -> LabConfig.builder().linkRoundTrip(Duration.ofSeconds(2)).build())
                .hasMessageContaining("link latency (round trip) must be 0ms..1000ms, was 2000ms");
    }

    @Test
    void givenNoDrctlHome_thenTheDefaultDirIsDotLabInTheWorkingDirectory() {
        String saved = System.getProperty("drctl.home");
        try {
            System.setProperty("drctl.home", "/srv/repo");
            assertThat(LabConfig.defaultDir()).isEqualTo(Path.of("/srv/repo/.lab"));
            System.clearProperty("drctl.home");
            assertThat(LabConfig.defaultDir()).isEqualTo(Path.of("").toAbsolutePath().resolve(".lab"));
        } finally {
            if (saved != null) {
                System.setProperty("drctl.home", saved);
            }
        }
    }

    @Test
    void givenSeveralBadSettings_whenBuilt_thenOneErrorNamesEachOfThem() {
        LabConfig.Builder builder = LabConfig.builder().primaryRegion("US_EAST").standbyRegion("us-east-2")
                .frontDoorPort(80).primaryDbPort(20000).standbyDbPort(20000)
                .checkInterval(Duration.ofMillis(10)).fall(0);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("primary region must be 2-32 characters")
                .hasMessageContaining("'US_EAST'")
                .hasMessageContaining("front-door port must be 1024..65535 (or 0 to pick a free port), was 80")
                .hasMessageContaining("standby db port 20000 is already used")
                .hasMessageContaining("health-check interval must be between 100ms and 60s, was 10ms")
                .hasMessageContaining("health-check fall must be 1..100, was 0");
    }

    @Test
    void onlySettingsThatWereGivenCountAsExplicit() {
        LabConfig config = LabConfig.builder().replication(ReplicationMode.ASYNC).build();

        assertThat(config.isExplicit("replication")).isTrue();
        assertThat(config.isExplicit("checkInterval")).isFalse();
        assertThat(config.isExplicit("primaryRegion")).isFalse();
    }

    @Test
    void givenTheSameNameForBothRegions_thenItIsRefused() {
        assertThatThrownBy(() -> LabConfig.builder().primaryRegion("eu-west-1").standbyRegion("eu-west-1").build())
                .hasMessageContaining("primary and standby region must differ");
    }

    @Test
    void durationsAcceptMillisecondsSecondsMinutesAndIso() {
        assertThat(LabConfig.parseDuration("x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LabConfig.parseDuration("x", "2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(LabConfig.parseDuration("x", "1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(LabConfig.parseDuration("x", "PT1.5S")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> LabConfig.parseDuration("--check-interval", "fast"))
                .hasMessage("--check-interval must be a duration such as 500ms, 1s or 2m, was 'fast'");
    }

    @Test
    void replicationModeIsSyncOrAsyncInAnyCase() {
        assertThat(ReplicationMode.parse("ASYNC")).isEqualTo(ReplicationMode.ASYNC);
        assertThatThrownBy(() -> ReplicationMode.parse("semi"))
                .hasMessage("replication must be 'sync' or 'async', was 'semi'");
    }

    @Test
    void givenAConfigFile_thenItsSettingsApplyAndDirIsRelativeToTheFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("lab.properties");
        Files.writeString(file, String.join("\n", "dir=my-lab", "replication=async", "health.interval=500ms",
                "health.fall=2", "primary.region=eu-west-1", "standby.region=eu-central-1", "front-door.port=18080",
                "standby.service-port=18082"), StandardCharsets.UTF_8);

        LabConfig config = LabConfigFile.applyTo(LabConfig.builder(), file).build();

        assertThat(config.dir()).isEqualTo(tmp.resolve("my-lab"));
        assertThat(config.replication()).isEqualTo(ReplicationMode.ASYNC);
        assertThat(config.checkInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.fall()).isEqualTo(2);
        assertThat(config.primary().name()).isEqualTo("eu-west-1");
        assertThat(config.standby()).isEqualTo(new LabConfig.RegionConfig("eu-central-1", 0, 18082));
        assertThat(config.frontDoorPort()).isEqualTo(18080);
    }

    @Test
    void givenUnknownKeysOrBadNumbersInAConfigFile_thenTheErrorNamesThemAndTheAcceptedKeys(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("lab.properties");
        Files.writeString(file, "replicaton=sync\nhealth.rise=two\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LabConfigFile.applyTo(LabConfig.builder(), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'replicaton' (accepted: dir, replication,")
                .hasMessageContaining("health.rise must be a whole number, was 'two'");
    }

    @Test
    void givenAMissingConfigFile_thenTheErrorNamesIt(@TempDir Path tmp) {
        assertThatThrownBy(() -> LabConfigFile.applyTo(LabConfig.builder(), tmp.resolve("nope.properties")))
                .hasMessageContaining("cannot read lab config file " + tmp.resolve("nope.properties"));
    }
}
