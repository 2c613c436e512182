package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private static final class Run {
        final StringWriter err = new StringWriter();
        final StringWriter out = new StringWriter();
        final int exitCode;

        Run(Map<String, String> env, String... args) {
            CommandLine cli = new CommandLine(new ServeCommand(env));
            cli.setErr(new PrintWriter(err));
            cli.setOut(new PrintWriter(out));
            exitCode = cli.execute(args);
        }
    }

    private static ServiceConfig parse(Map<String, String> env, String... args) {
        ServeCommand command = new ServeCommand(env);
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    @Test
    void aMissingRegionIsAUsageErrorWithExitCode2() {
        Run run = new Run(Map.of(), "--db-url", URL);

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.toString()).contains("--region is required (or set PAYMENTS_REGION)");
    }

    @Test
    void invalidFlagValuesAreUsageErrorsThatSayWhatIsAccepted() {
        assertThat(new Run(Map.of(), "--region", "Bad Region", "--db-url", URL).err.toString()).contains("region must be 2 to 32");
        Run badPort = new Run(Map.of(), "--region", "us-east-1", "--db-url", URL, "--port", "99999");
        assertThat(badPort.exitCode).isEqualTo(2);
        assertThat(badPort.err.toString()).contains("port must be from 0 to 65535");
        assertThat(new Run(Map.of(), "--region", "us-east-1", "--db-url", URL, "--max-amount", "1e9").err.toString())
                .contains("--max-amount must be a positive decimal");
        assertThat(new Run(Map.of(), "--region", "us-east-1").err.toString()).contains("(--db-url or PAYMENTS_DB_URL)");
    }

    @Test
    void theLedgerFlagsAreCheckedTogether() {
        Run mysqlWithDynamo = new Run(Map.of(), "--region", "us-east-1", "--ledger", "dynamodb", "--table", "payments",
                "--db-url", "jdbc:mysql://127.0.0.1:3306/payments");
        assertThat(mysqlWithDynamo.exitCode).isEqualTo(2);
        assertThat(mysqlWithDynamo.err.toString()).contains("--ledger dynamodb keeps payments in the table")
                .contains("only for --ledger jdbc");

        Run tableWithJdbc = new Run(Map.of(), "--region", "us-east-1", "--db-url", URL, "--table", "payments");
        assertThat(tableWithJdbc.err.toString()).contains("--table is for --ledger dynamodb");

        assertThat(new Run(Map.of(), "--region", "us-east-1", "--ledger", "dynamo").err.toString())
                .contains("--ledger must be one of jdbc, dynamodb, got 'dynamo'");
        assertThat(parse(Map.of(), "--region", "us-east-1", "--ledger", "dynamodb", "--table", "payments",
                "--event-bus", "payments-events", "--archive", "s3://tx-logs").backends().toString())
                .contains("DYNAMODB").contains("payments-events").contains("s3://tx-logs/transaction-log");
    }

    @Test
    void thePasswordIsNeverAFlag() {
        Run run = new Run(Map.of(), "--region", "us-east-1", "--db-url", URL, "--db-password", "hunter2");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.toString()).contains("not accepted as a flag").contains("PAYMENTS_DB_PASSWORD").doesNotContain("hunter2");
        assertThat(new Run(Map.of(), "--region", "us-east-1", "--db-url", URL, "--db-password=hunter2").err.toString())
                .contains("not accepted as a flag").doesNotContain("hunter2");
    }

    @Test
    void flagsWinOverEnvironmentVariablesWhichWinOverDefaults() {
        Map<String, String> env = Map.of("PAYMENTS_REGION", "eu-west-1", "PAYMENTS_DB_URL", URL, "PAYMENTS_PORT", "9000",
                "PAYMENTS_DB_PASSWORD", "env-pw", "PAYMENTS_DB_POOL_SIZE", "3");

        ServiceConfig fromEnv = parse(env);
        ServiceConfig overridden = parse(env, "--region", "us-east-2", "--port", "8081", "--bind", "0.0.0.0");

        assertThat(fromEnv.region()).isEqualTo("eu-west-1");
        assertThat(fromEnv.port()).isEqualTo(9000);
        assertThat(fromEnv.dbPassword()).isEqualTo("env-pw");
        assertThat(fromEnv.dbPoolSize()).isEqualTo(3);
        assertThat(fromEnv.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(overridden.region()).isEqualTo("us-east-2");
        assertThat(overridden.port()).isEqualTo(8081);
        assertThat(overridden.bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void givenThePortIsTaken_thenServeExitsWith1AndSaysWhy() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int nothingListens = dev.paymentsdr.localpg.FreePorts.pick();
            Run run = new Run(Map.of("PAYMENTS_DB_PASSWORD", "pw-not-shown"), "--region", "us-east-1",
                    "--port", Integer.toString(taken.getLocalPort()),
                    "--db-url", "jdbc:postgresql://127.0.0.1:" + nothingListens + "/postgres");

            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.err.toString()).contains("cannot start the payment service").doesNotContain("pw-not-shown");
        }
    }

    @Test
    void helpDescribesTheCommandAndExitsZero() {
        Run run = new Run(Map.of(), "--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.out.toString()).contains("Run the payment HTTP service").contains("PAYMENTS_DB_PASSWORD");
    }
}
