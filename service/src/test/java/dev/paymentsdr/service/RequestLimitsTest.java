package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RequestLimitsTest {
    private static RequestLimits parse(Map<String, String> env, String... args) {
        ServeCommand command = new ServeCommand(env);
        new CommandLine(command).parseArgs(args);
        return command.limits();
    }

    @Test
    void withoutSettingsTheSafeDefaultsApply() {
        RequestLimits limits = parse(Map.of());

        assertThat(limits).isEqualTo(RequestLimits.DEFAULTS);
        assertThat(limits.json().maxNumberLength()).isEqualTo(64);
        assertThat(limits.json().maxNestingDepth()).isEqualTo(16);
        assertThat(limits.http().maxHeaderBytes()).isEqualTo(8192);
        assertThat(limits.http().idleTimeout()).isEqualTo(Duration.ofSeconds(65));
        assertThat(limits.http().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void flagsWinOverEnvironmentVariablesWhichWinOverDefaults() {
        Map<String, String> env = Map.of("PAYMENTS_HTTP_REQUEST_TIMEOUT", "5s", "PAYMENTS_MAX_JSON_DEPTH", "4",
                "PAYMENTS_HTTP_IDLE_TIMEOUT", "2m");

        RequestLimits fromEnv = parse(env);
        RequestLimits overridden = parse(env, "--http-request-timeout", "1500ms", "--max-header-bytes", "16384");

        assertThat(fromEnv.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(fromEnv.maxJsonDepth()).isEqualTo(4);
        assertThat(fromEnv.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(overridden.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(overridden.maxHeaderBytes()).isEqualTo(16384);
        assertThat(overridden.maxJsonDepth()).isEqualTo(4);
    }

    @Test
    void badValuesAreUsageErrorsThatSayWhatIsAccepted() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand(Map.of("PAYMENTS_DB_PASSWORD", "pw")));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--region", "us-east-1", "--db-url", "jdbc:postgresql://127.0.0.1:1/postgres",
                "--http-request-timeout", "forever");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--http-request-timeout must be a duration such as 500ms, 10s or 2m, got 'forever'");
        assertThatThrownBy(() -> RequestLimits.fromEnvironment(Map.of("PAYMENTS_MAX_JSON_NUMBER_LENGTH", "5")))
                .hasMessage("--max-json-number-length must be from 20 to 1000 characters, got 5");
        assertThatThrownBy(() -> RequestLimits.fromEnvironment(Map.of("PAYMENTS_HTTP_IDLE_TIMEOUT", "200ms")))
                .hasMessage("--http-idle-timeout must be from 1s to 3600s, got 200ms");
        assertThatThrownBy(() -> RequestLimits.fromEnvironment(Map.of("PAYMENTS_MAX_HEADER_BYTES", "1000000")))
                .hasMessageContaining("--max-header-bytes must be from 1024 to 65536 bytes");
    }
}
