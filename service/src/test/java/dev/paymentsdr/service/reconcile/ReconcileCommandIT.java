package dev.paymentsdr.service.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.backend.ArchiveLocation;
import dev.paymentsdr.service.backend.Backends;
import dev.paymentsdr.service.backend.LedgerKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code drctl reconcile} in the lab's shape: a region's service archives into a directory, a payment is then
 * missing from the ledger (as after a failover to a standby that had not received it), and the command lists it.
 */
class ReconcileCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TemporaryPostgres pg;
    private static Path archive;
    private static final List<String> ids = new ArrayList<>();

    @BeforeAll
    static void archiveThreePaymentsAndLoseOne() throws Exception {
        pg = TemporaryPostgres.start();
        archive = Files.createTempDirectory("reconcile-archive-");
        try (PaymentServiceWiring wiring = PaymentServiceWiring.create(new ServiceConfig("us-east-1", "127.0.0.1", 0,
                pg.jdbcUrl(), pg.username(), pg.password(), 2, new BigDecimal("1000000"), new Backends(LedgerKind.JDBC,
                Optional.empty(), Optional.empty(), Optional.of(new ArchiveLocation.Directory(archive)), false)))) {
            for (int i = 1; i <= 3; i++) {
                String body = wiring.api().handle(new ApiRequest("POST", "/v1/payments", Map.of(),
                        Map.of("Content-Type", "application/json", "Idempotency-Key", "reconcile-" + i),
                        ("{\"customerId\":\"c1\",\"amount\":\"" + i + ".00\",\"currency\":\"USD\"}").getBytes(StandardCharsets.UTF_8))).body();
                ids.add(JSON.readTree(body).get("id").asText());
            }
            wiring.relay().relayAvailable(5);
        }
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
        TemporaryPostgres.deleteTree(archive);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run reconcile(String... args) {
        CommandLine cli = new CommandLine(new ReconcileCommand(Map.of("PAYMENTS_DB_PASSWORD", pg.password())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static String[] against(String... extra) {
        List<String> args = new ArrayList<>(List.of("--archive", archive.toString(), "--region", "us-east-2",
                "--db-url", pg.jdbcUrl(), "--db-user", pg.username()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void givenTheLedgerHoldsEveryArchivedPayment_thenItSaysCompleteAndExitsZero() {
        Run run = reconcile(against());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 entries").contains("complete");
    }

    @Test
    void givenAnAcknowledgedPaymentTheNewPrimaryLacks_thenItIsListedWithItsSpanAndTheExitCodeIsOne(@TempDir Path dir)
            throws Exception {
        String lost = "'" + ids.get(1) + "'";
        pg.server().execute("postgres",
                "CREATE TABLE saved_payment AS SELECT * FROM payments WHERE id = " + lost,
                "CREATE TABLE saved_record AS SELECT * FROM idempotency_records WHERE payment_id = " + lost,
                "DELETE FROM idempotency_records WHERE payment_id = " + lost,
                "DELETE FROM payments WHERE id = " + lost);
        try {
            Path report = dir.resolve("rpo.json");
            Run run = reconcile(against("--json", report.toString()));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("1 acknowledged payment(s) missing").contains(ids.get(1)).contains("reconcile-2");
            JsonNode json = JSON.readTree(Files.readString(report));
            assertThat(json.get("missingCount").asInt()).isEqualTo(1);
            assertThat(json.at("/missing/0/id").asText()).isEqualTo(ids.get(1));
            assertThat(json.at("/missing/0/amount").asText()).isEqualTo("2.00");
            assertThat(json.get("missingSpanMs").asLong()).isZero();
        } finally {
            pg.server().execute("postgres", "INSERT INTO payments SELECT * FROM saved_payment",
                    "INSERT INTO idempotency_records SELECT * FROM saved_record", "DROP TABLE saved_payment, saved_record");
        }
    }

    @Test
    void badSettingsAreUsageErrorsThatSayWhatIsAccepted() {
        Run noRegion = reconcile("--archive", archive.toString(), "--db-url", pg.jdbcUrl());
        Run noArchive = reconcile("--archive", archive.resolve("missing").toString(), "--region", "us-east-1",
                "--db-url", pg.jdbcUrl());
        Run badDay = reconcile(against("--from", "yesterday"));
        Run dynamoWithDatabase = reconcile(against("--ledger", "dynamodb", "--table", "payments"));

        assertThat(noRegion.exitCode()).isEqualTo(2);
        assertThat(noRegion.err()).contains("--region is required");
        assertThat(noArchive.err()).contains("is not a directory");
        assertThat(badDay.err()).contains("--from must be a day such as 2026-11-25");
        assertThat(dynamoWithDatabase.err()).contains("only for --ledger jdbc");
    }
}
