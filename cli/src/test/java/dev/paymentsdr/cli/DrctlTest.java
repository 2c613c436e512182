package dev.paymentsdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DrctlTest {
    @Test
    void helpListsEveryCommandWithADescription() {
        CommandLine cli = Drctl.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        for (String name : cli.getSubcommands().keySet()) {
            CommandLine sub = cli.getSubcommands().get(name);
            assertThat(out.toString()).contains(name);
            assertThat(sub.getCommandSpec().usageMessage().description())
                    .as("description of %s", name).isNotEmpty();
        }
    }

    @Test
    void versionNamesTheBuildAndTheCommitItWasBuiltFrom() {
        CommandLine cli = Drctl.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("--version")).isZero();
        assertThat(out.toString()).containsPattern("^drctl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{12}|unknown)");
    }

    @Test
    void completionPrintsABashScriptThatCompletesTheSubcommands() {
        CommandLine cli = Drctl.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("completion")).isZero();
        assertThat(out.toString()).contains("complete -F _complete_drctl").contains("drill").contains("serve")
                .contains("--scenario");
    }

    @Test
    void benchWritesTheReadmeOnlyWhenAsked() {
        CommandLine cli = Drctl.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("bench", "--help")).isZero();
        assertThat(out.toString()).contains("--update-readme").doesNotContain("--no-readme");
    }

    @Test
    void anUnknownCommandIsRejectedWithUsage() {
        CommandLine cli = Drctl.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("no-such-command")).isEqualTo(2);
        assertThat(err.toString()).contains("no-such-command");
    }
}
