package dev.paymentsdr.cli.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.cli.Drctl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code drctl ... --target aws} against moto, found through the SDK's own settings and a {@code --config} file. */
class AwsTargetCliIT {
    @RegisterExtension
    static final MotoDeployment deployment = new MotoDeployment();
    private static AwsWorld world;

    @TempDir
    Path dir;

    @BeforeAll
    static void theDeployment() {
        world = deployment.world();
    }

    private record Run(int exit, String out) {
    }

    private Run drctl(String... args) {
        PrintStream saved = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int exit = Drctl.commandLine().execute(args);
            return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
            System.setErr(savedErr);
        }
    }

    private Path config() throws Exception {
        return deployment.config(dir);
    }

    @Test
    void aDryRunPrintsThePlanTheResourcesAndEachRegion_thenAPlannedSwitchoverRunsAndStatusShowsIt() throws Exception {
        String config = config().toString();

        Run dry = drctl("failover", "--target", "aws", "--config", config, "--planned", "--dry-run");

        assertThat(dry.exit()).as(dry.out()).isZero();
        assertThat(dry.out()).contains("planned switchover from us-east-1 to us-east-2:").contains("promote")
                .contains(world.resources().globalClusterId()).contains("us-east-2: database standby")
                .contains("active region at Route 53: us-east-1").contains("Dry run: nothing was changed.");
        assertThat(world.isWriter(AwsWorld.EAST_1)).isTrue();

        Run planned = drctl("failover", "--target", "aws", "--config", config, "--planned");

        assertThat(planned.exit()).as(planned.out()).isZero();
        assertThat(planned.out()).contains("switch-traffic done").contains("COMPLETED");
        // each step as a progress phase (on stderr): its start, then its end with how long it took
        assertThat(planned.out()).containsPattern("(?m)^failover \\[ *\\d+\\.\\d s\\] promote \\.\\.\\.$")
                .containsPattern("(?m)^failover \\[ *\\d+\\.\\d s\\] promote done in \\d+\\.\\d s: ");
        System.out.println(planned.out());
        assertThat(world.isWriter(AwsWorld.EAST_2)).isTrue();

        Run status = drctl("status", "--target", "aws", "--config", config);
        assertThat(status.exit()).as(status.out()).isZero();
        assertThat(status.out()).contains("target: aws").contains("active region at Route 53: us-east-2")
                .contains("state: COMPLETED").contains("mode: planned");

        Run history = drctl("history", "--target", "aws", "--config", config);
        assertThat(history.exit()).as(history.out()).isZero();
        assertThat(history.out()).containsPattern("fo-\\S+  planned  us-east-1 -> us-east-2  started \\S+  finished \\S+  succeeded in")
                .containsPattern("promote \\d+\\.\\d{3} s").contains("switch-traffic");
        String id = history.out().substring(0, history.out().indexOf(' '));

        Run detail = drctl("history", "--target", "aws", "--config", config, id);
        assertThat(detail.exit()).as(detail.out()).isZero();
        assertThat(detail.out()).contains("execution " + id).contains("outcome:  succeeded in")
                .containsPattern("promote +\\S+ +\\d+\\.\\d{3} s +done +SwitchoverGlobalCluster moved the writer to us-east-2");
        System.out.println(history.out() + "\n" + detail.out());
    }

    @Test
    void aConfigWithABadValueIsAUsageErrorThatChangesNothing() throws Exception {
        Map<String, String> settings = new java.util.LinkedHashMap<>(world.settings());
        settings.put("region.us-east-2.min-tasks", "many");
        Path file = MotoDeployment.config(dir, "bad.properties", settings);

        Run run = drctl("failover", "--target", "aws", "--config", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("region.us-east-2.min-tasks: 'many' is not a whole number 1-1000");
    }
}
