package dev.paymentsdr.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors of {@code drctl synth}: clear messages, exit code 2 (1 for a missing build output), nothing written. */
class SynthCommandTest {
    private Path home;
    private Path out;
    private final StringWriter err = new StringWriter();
    private String previousHome;

    @BeforeEach
    void createHome() throws Exception {
        home = Files.createTempDirectory("synth-home");
        Files.writeString(home.resolve("cdk.json"), "{\"app\": \"./drctl synth\"}");
        out = home.resolve("out");
        previousHome = System.getProperty("drctl.home");
        System.setProperty("drctl.home", home.toString());
    }

    @AfterEach
    void restore() {
        if (previousHome == null) {
            System.clearProperty("drctl.home");
        } else {
            System.setProperty("drctl.home", previousHome);
        }
        TestArtifacts.deleteQuietly(home);
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new SynthCommand());
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private boolean wroteTemplates() throws Exception {
        if (!Files.exists(out)) {
            return false;
        }
        try (var files = Files.list(out)) {
            return files.anyMatch(f -> f.toString().endsWith(".template.json"));
        }
    }

    @Test
    void givenAnUnknownBlueprint_thenItExitsWithTwoAndListsTheKnownOnes() throws Exception {
        assertThat(run("--blueprint", "nope", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown --blueprint 'nope'", "known blueprints: flagship");
        assertThat(wroteTemplates()).isFalse();
    }

    @Test
    void givenAnUnknownContextKey_thenItExitsWithTwoAndListsTheKnownKeys() throws Exception {
        assertThat(run("-c", "enviromentSuffix=prod", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown context key 'enviromentSuffix'", "environmentSuffix");
        assertThat(wroteTemplates()).isFalse();
    }

    @Test
    void givenAnInvalidContextValue_thenItExitsWithTwoAndSaysWhatIsAccepted() throws Exception {
        assertThat(run("-c", "environmentSuffix=Prod_1", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("environmentSuffix", "'Prod_1'", "lowercase");
        assertThat(wroteTemplates()).isFalse();
    }

    @Test
    void givenNoLambdaJar_thenItSaysHowToBuildIt() throws Exception {
        assertThat(run("--out", out.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("payments-dr-lambda.jar", "mvn -pl aws-runtime -am package");
        assertThat(wroteTemplates()).isFalse();
    }
}
