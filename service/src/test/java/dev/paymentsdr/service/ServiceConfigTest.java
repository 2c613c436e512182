package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import dev.paymentsdr.service.backend.ArchiveLocation;
import dev.paymentsdr.service.backend.Backends;
import dev.paymentsdr.service.backend.LedgerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigTest {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private static ServiceConfig config(String region, int port, String url) {
        return new ServiceConfig(region, "127.0.0.1", port, url, "postgres", "s3cret-Passw0rd", 10, new BigDecimal("1000000"));
    }

    @Test
    void toStringNeverShowsThePassword() {
        String text = config("us-east-1", 8080, URL).toString();

        assertThat(text).doesNotContain("s3cret-Passw0rd").contains("dbPassword=(set)").contains("region=us-east-1");
    }

    @Test
    void aBadRegionIsRefusedWithTheAcceptedForm() {
        assertThatThrownBy(() -> config("US_EAST_1", 8080, URL)).isInstanceOf(ConfigException.class)
                .hasMessage("region must be 2 to 32 characters of a-z, 0-9 or '-' (for example us-east-1), got 'US_EAST_1'");
        assertThatThrownBy(() -> config(null, 8080, URL)).hasMessageContaining("got nothing");
        assertThatThrownBy(() -> config("x", 8080, URL)).isInstanceOf(ConfigException.class);
    }

    @Test
    void aPortOutsideTheTcpRangeIsRefused() {
        assertThatThrownBy(() -> config("us-east-1", 70000, URL)).hasMessage("port must be from 0 to 65535 (0 picks a free port), got 70000");
        assertThatThrownBy(() -> config("us-east-1", -1, URL)).isInstanceOf(ConfigException.class);
    }

    @Test
    void theDatabaseUrlIsRequiredAndMustBePostgresOrMySqlWithoutAnEmbeddedPassword() {
        assertThatThrownBy(() -> config("us-east-1", 8080, null)).hasMessageContaining("database URL is required");
        assertThatThrownBy(() -> config("us-east-1", 8080, "jdbc:sqlserver://db-host:1433;password=leak"))
                .hasMessageContaining("jdbc:postgresql://").hasMessageContaining("jdbc:mysql://")
                .hasMessageContaining("'jdbc:sqlserver://...'").message().doesNotContain("db-host").doesNotContain("leak");
        assertThat(config("us-east-1", 8080, "jdbc:mysql://127.0.0.1:3306/payments").dbUrl()).startsWith("jdbc:mysql:");
        assertThat(config("us-east-1", 8080, "jdbc:aws-wrapper:mysql://db.cluster-x.us-east-1.rds.amazonaws.com/p").dbUrl())
                .startsWith("jdbc:aws-wrapper:mysql:");
        assertThatThrownBy(() -> config("us-east-1", 8080, URL + "?password=leak"))
                .hasMessageContaining("must not contain a password").message().doesNotContain("leak");
        assertThat(config("us-east-1", 8080, "jdbc:aws-wrapper:postgresql://db.cluster-x.us-east-1.rds.amazonaws.com/p").dbUrl())
                .startsWith("jdbc:aws-wrapper:");
    }

    @Test
    void poolSizeAndMaximumAmountAreBounded() {
        assertThatThrownBy(() -> new ServiceConfig("us-east-1", "127.0.0.1", 1, URL, null, null, 0, BigDecimal.TEN))
                .hasMessageContaining("pool size must be from 1 to 200");
        assertThatThrownBy(() -> new ServiceConfig("us-east-1", "127.0.0.1", 1, URL, null, null, 5, BigDecimal.ZERO))
                .hasMessageContaining("maximum amount must be a positive decimal");
    }

    @Test
    void everySettingIsReadFromPaymentsEnvironmentVariables() {
        ServiceConfig config = ServiceConfig.fromEnvironment(Map.of(
                "PAYMENTS_REGION", "eu-west-1", "PAYMENTS_PORT", "9090", "PAYMENTS_BIND", "0.0.0.0",
                "PAYMENTS_DB_URL", URL, "PAYMENTS_DB_USER", "app", "PAYMENTS_DB_PASSWORD", "pw",
                "PAYMENTS_DB_POOL_SIZE", "4", "PAYMENTS_MAX_AMOUNT", "2500.50"));

        assertThat(config).isEqualTo(new ServiceConfig("eu-west-1", "0.0.0.0", 9090, URL, "app", "pw", 4, new BigDecimal("2500.50")));
    }

    @Test
    void givenOnlyATable_thenTheLedgerIsDynamoDbAndItsBucketIsTheArchive() {
        ServiceConfig config = ServiceConfig.fromEnvironment(Map.of("PAYMENTS_REGION", "us-east-2",
                "PAYMENTS_TABLE", "payments-dr-sessions-dev", "PAYMENTS_BUCKET", "payments-dr-logs-us-east-2-dev",
                "PAYMENTS_EVENT_BUS", "payments-dr-events-dev"));

        assertThat(config.backends()).isEqualTo(new Backends(LedgerKind.DYNAMODB, Optional.of("payments-dr-sessions-dev"),
                Optional.of("payments-dr-events-dev"),
                Optional.of(new ArchiveLocation.S3("payments-dr-logs-us-east-2-dev", "transaction-log")), true));
        assertThat(config.dbUrl()).isNull();
    }

    @Test
    void givenADatabaseAndASessionTable_thenTheLedgerIsJdbcAndTheTableIsNotItsConcern() {
        ServiceConfig config = ServiceConfig.fromEnvironment(Map.of("PAYMENTS_REGION", "us-east-1", "PAYMENTS_DB_URL", URL,
                "PAYMENTS_TABLE", "payments-dr-sessions-dev", "PAYMENTS_ARCHIVE", "/var/lib/payments/archive",
                "PAYMENTS_RELAY", "off"));

        assertThat(config.backends()).isEqualTo(new Backends(LedgerKind.JDBC, Optional.empty(), Optional.empty(),
                Optional.of(new ArchiveLocation.Directory(Path.of("/var/lib/payments/archive"))), false));
    }

    @Test
    void aDatabaseUrlWithTheDynamoDbLedgerIsRefusedNamingBothSettingsButNotTheHost() {
        Map<String, String> env = Map.of("PAYMENTS_REGION", "us-east-1", "PAYMENTS_LEDGER", "dynamodb",
                "PAYMENTS_TABLE", "payments", "PAYMENTS_DB_URL", "jdbc:mysql://secret-host:3306/payments");

        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--ledger dynamodb").hasMessageContaining("only for --ledger jdbc")
                .hasMessageContaining("'jdbc:mysql://...'").message().doesNotContain("secret-host");
    }

    @Test
    void backendSettingsAreValidatedWithWhatIsAccepted() {
        Map<String, String> base = Map.of("PAYMENTS_REGION", "us-east-1", "PAYMENTS_DB_URL", URL);
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(with(base, "PAYMENTS_LEDGER", "cassandra")))
                .hasMessage("PAYMENTS_LEDGER must be one of jdbc, dynamodb, got 'cassandra'");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of("PAYMENTS_REGION", "us-east-1", "PAYMENTS_LEDGER", "dynamodb")))
                .hasMessageContaining("--ledger dynamodb needs the table");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(with(base, "PAYMENTS_ARCHIVE", "s3://Bad_Bucket/x")))
                .hasMessageContaining("PAYMENTS_ARCHIVE must be a directory path, or s3://BUCKET[/PREFIX]");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(with(base, "PAYMENTS_ARCHIVE", "https://example.com/x")))
                .hasMessageContaining("PAYMENTS_ARCHIVE must be a directory path");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(with(base, "PAYMENTS_EVENT_BUS", "bus with spaces")))
                .hasMessageContaining("event bus must be an EventBridge bus name or ARN");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(with(base, "PAYMENTS_RELAY", "sometimes")))
                .hasMessage("PAYMENTS_RELAY must be background or off, got 'sometimes'");
        assertThat(ServiceConfig.fromEnvironment(with(base, "PAYMENTS_ARCHIVE", "s3://logs-bucket/dr/tx/")).backends().archive())
                .contains(new ArchiveLocation.S3("logs-bucket", "dr/tx"));
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> env = new HashMap<>(base);
        env.put(name, value);
        return env;
    }

    @Test
    void environmentDefaultsAreLoopback8080PoolTenAndOneMillion() {
        ServiceConfig config = ServiceConfig.fromEnvironment(Map.of("PAYMENTS_REGION", "us-east-1", "PAYMENTS_DB_URL", URL));

        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dbPoolSize()).isEqualTo(10);
        assertThat(config.maxAmount()).isEqualByComparingTo("1000000");
        assertThat(config.dbPassword()).isNull();
    }

    @Test
    void malformedNumbersInTheEnvironmentAreNamed() {
        Map<String, String> env = new HashMap<>(Map.of("PAYMENTS_REGION", "us-east-1", "PAYMENTS_DB_URL", URL));
        env.put("PAYMENTS_PORT", "eighty");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(env)).hasMessage("PAYMENTS_PORT must be a whole number, got 'eighty'");
        env.put("PAYMENTS_PORT", "80");
        env.put("PAYMENTS_MAX_AMOUNT", "-5");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(env)).hasMessageContaining("PAYMENTS_MAX_AMOUNT must be a positive decimal");
    }

    @Test
    void thePasswordCanComeFromAFileWhoseContentNeverAppearsInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file-pw\n");
        ServiceConfig config = ServiceConfig.fromEnvironment(Map.of("PAYMENTS_REGION", "us-east-1", "PAYMENTS_DB_URL", URL,
                "PAYMENTS_DB_PASSWORD_FILE", file.toString()));
        assertThat(config.dbPassword()).isEqualTo("from-file-pw");

        assertThatThrownBy(() -> ServiceConfig.readPasswordFile(dir.resolve("missing")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read the database password file");
    }
}
