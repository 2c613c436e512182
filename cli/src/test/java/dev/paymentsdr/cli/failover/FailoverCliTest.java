package dev.paymentsdr.cli.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FailoverCliTest {
    @TempDir
    Path dir;

    private String usageError(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(2);
        return err.toString();
    }

    @Test
    void aMalformedMaxLagIsAUsageErrorThatSaysWhatIsAccepted() {
        assertThat(usageError(new FailoverCommand(), "--max-lag", "soon")).contains("--max-lag").contains("500ms, 1s or 2m");
    }

    @Test
    void withoutALabEveryCommandSaysWhereItLookedAndHowToStartOne() {
        String lab = dir.resolve("none").toString();
        assertThat(usageError(new FailoverCommand(), "--lab-dir", lab)).contains("no lab in " + lab).contains("drctl lab up");
        assertThat(usageError(new FailbackCommand(), "--lab-dir", lab)).contains("no lab in");
        assertThat(usageError(new StatusCommand(), "--lab-dir", lab)).contains("no lab in");
        assertThat(usageError(new MonitorCommand(), "--lab-dir", lab)).contains("no lab in");
    }

    @Test
    void anExecutionIdThatWasNeverStartedIsAnErrorThatChangesNothing() {
        Path labDir = StoppedLab.write(dir.resolve("lab"));

        String error = usageError(new FailoverCommand(), "--lab-dir", labDir.toString(), "--execution-id", "fo-nope");

        assertThat(error).contains("--execution-id: no execution 'fo-nope'").contains("Leave the execution id out");
        assertThat(labDir.resolve("failover").resolve("executions.jsonl")).doesNotExist();
        assertThat(usageError(new FailbackCommand(), "--lab-dir", labDir.toString(), "--execution-id", "fb-nope"))
                .contains("no execution 'fb-nope'");
    }

    @Test
    void aMonitorThresholdOutsideOneToHundredIsRejectedBeforeAnythingStarts() {
        assertThat(usageError(new MonitorCommand(), "--failures", "0", "--lab-dir", dir.toString())).contains("1..100");
        assertThat(usageError(new MonitorCommand(), "--interval", "0s", "--lab-dir", dir.toString())).contains("must be positive");
    }

    @Test
    void aMetricsPortOrAddressThatCannotBeBoundIsRejectedBeforeAnythingStarts() {
        assertThat(usageError(new MonitorCommand(), "--metrics-port", "70000", "--lab-dir", dir.toString()))
                .contains("--metrics-port: must be 0 (a free port) to 65535, was 70000");
        assertThat(usageError(new MonitorCommand(), "--metrics-port", "0", "--metrics-address", "metrics.example",
                "--lab-dir", dir.toString())).contains("--metrics-address: expected an IP address").contains("'metrics.example'");
        assertThat(usageError(new MonitorCommand(), "--metrics-address", "0.0.0.0", "--lab-dir", dir.toString()))
                .contains("--metrics-address needs --metrics-port PORT");
    }

    @Test
    void aMetricsPortThatIsTakenIsAUsageErrorBeforeAnyProbe() throws Exception {
        Path lab = StoppedLab.write(dir.resolve("lab"));
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            String error = usageError(new MonitorCommand(), "--lab-dir", lab.toString(), "--metrics-port",
                    Integer.toString(taken.getLocalPort()));

            assertThat(error).contains("--metrics-port: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("choose another port or address");
        }
    }

    @Test
    void theAwsTargetNeedsAnEnvironmentOrAConfigFile_andLabOptionsDoNotMixWithIt() {
        assertThat(usageError(new FailoverCommand(), "--target", "aws")).contains("--environment SUFFIX").contains("--config FILE");
        assertThat(usageError(new StatusCommand(), "--target", "aws", "--lab-dir", dir.toString())).contains("--lab-dir names a lab");
        assertThat(usageError(new FailoverCommand(), "--config", dir.resolve("x").toString())).contains("add --target aws");
        assertThat(usageError(new FailoverCommand(), "--target", "moon")).contains("--target: expected lab or aws, was 'moon'");
        assertThat(usageError(new FailoverCommand(), "--target", "aws", "--stacks", "primary=us-east-1/A"))
                .contains("--stacks must name exactly primary, secondary and global");
        assertThat(usageError(new FailoverCommand(), "--target", "aws", "--environment", "prod", "--stacks", "x"))
                .contains("give one");
    }

    @Test
    void anIncompleteAwsConfigListsEveryMissingResource() throws Exception {
        Path config = dir.resolve("failover.properties");
        java.nio.file.Files.writeString(config, "regions=us-east-1,us-east-2\nglobal-cluster=payments-dr-global-prod\n");

        String error = usageError(new FailoverCommand(), "--target", "aws", "--config", config.toString(), "--dry-run");

        assertThat(error).contains("state-table: missing").contains("region.us-east-2.db-cluster: missing")
                .contains("Failing over on AWS");
    }

    @Test
    void everyCommandHasAOneLineDescriptionAndHelp() {
        for (Object command : new Object[] {new FailoverCommand(), new FailbackCommand(), new MonitorCommand(), new StatusCommand()}) {
            CommandLine cli = new CommandLine(command);
            assertThat(cli.getCommandSpec().usageMessage().description()).hasSize(1);
            assertThat(cli.getCommandSpec().mixinStandardHelpOptions()).isTrue();
        }
    }
}
