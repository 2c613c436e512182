package dev.paymentsdr.lab.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaproxyConfigTest {
    private static final HaproxyConfig CONFIG = new HaproxyConfig(18080, Path.of("/tmp/lab/haproxy.sock"), "payments",
            List.of(new HaproxyConfig.Server("us-east-1", 18081, false), new HaproxyConfig.Server("us-east-2", 18082, true)),
            Duration.ofMillis(500), 3, 2);

    @Test
    void theFrontDoorListensOnLoopbackAndTheStandbyRegionIsABackup() {
        String text = CONFIG.render();

        assertThat(text).contains("bind 127.0.0.1:18080\n")
                .contains("server us-east-1 127.0.0.1:18081 check\n")
                .contains("server us-east-2 127.0.0.1:18082 check backup\n");
    }

    @Test
    void serversAreCheckedOnReadinessAtTheConfiguredTiming() {
        assertThat(CONFIG.render()).contains("option httpchk GET /health/ready\n")
                .contains("http-check expect status 200\n")
                .contains("default-server inter 500ms fastinter 125ms fall 3 rise 2")
                .contains("timeout check 250ms\n").contains("on-marked-down shutdown-sessions");
    }

    @Test
    void theRuntimeApiIsAnAdminSocketAndTimeoutsSuitFailover() {
        assertThat(CONFIG.render()).contains("stats socket /tmp/lab/haproxy.sock mode 600 level admin\n")
                .contains("timeout connect 1s\n").contains("timeout server 10s\n")
                .contains("option redispatch\n").contains("retries 2\n");
    }

    @Test
    void givenAServerNameWithSpaces_thenItIsRefused() {
        assertThatThrownBy(() -> new HaproxyConfig.Server("us east", 1, false))
                .hasMessageContaining("HAProxy server name must be letters, digits");
    }

    @Test
    void theRenderedConfigurationIsValidForTheInstalledHaproxy(@TempDir Path tmp) throws Exception {
        Path haproxy = Path.of("/usr/sbin/haproxy");
        assertThat(haproxy).as("HAProxy is installed by scripts/install-deps").isExecutable();
        Path file = tmp.resolve("haproxy.cfg");
        Files.writeString(file, CONFIG.render(), StandardCharsets.UTF_8);

        Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f", file.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor()).as(output).isZero();
    }
}
