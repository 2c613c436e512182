package dev.paymentsdr.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.localpg.TemporaryPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** SIGTERM to a running 'drctl drill' (as Ctrl-C would) stops everything it started and removes its lab. */
class DrillInterruptIT {
    private Path workDir;

    /** The drill as its own process, as 'drctl drill' runs it. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new DrillCommand()).execute(args));
    }

    @BeforeEach
    void createWorkDir() throws Exception {
        workDir = Files.createTempDirectory(Path.of("/tmp"), "drill-int-");
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
    }

    @AfterEach
    void sweep() {
        ProcessHandle.allProcesses().filter(p -> mentionsWorkDir(p)).forEach(ProcessHandle::destroyForcibly);
        TemporaryPostgres.deleteTree(workDir);
    }

    private boolean mentionsWorkDir(ProcessHandle p) {
        return p.pid() != ProcessHandle.current().pid()
                && p.info().commandLine().map(line -> line.contains(workDir.toString())).orElse(false);
    }

    private void interruptWhen(String outputLine, Duration after) throws Exception {
        Process drill = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DrillInterruptIT.class.getName(),
                "--scenario", "region-outage", "--rate", "20", "--warmup", "60s", "--work-dir", workDir.toString())
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(drill.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(output::add));
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (output.stream().noneMatch(l -> l.contains(outputLine)) && System.nanoTime() < deadline && drill.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(output).as("the drill reached '%s'", outputLine).anyMatch(l -> l.contains(outputLine));
        Thread.sleep(after.toMillis());

        drill.destroy(); // SIGTERM

        assertThat(drill.waitFor(120, TimeUnit.SECONDS)).as(String.join("\n", output)).isTrue();
        reader.join(5_000);
        assertThat(ProcessHandle.allProcesses().filter(this::mentionsWorkDir).map(p -> p.info().commandLine().orElse("?")))
                .as("processes of the drill's lab after SIGTERM\n%s", String.join("\n", output)).isEmpty();
        try (Stream<Path> left = Files.walk(workDir)) {
            assertThat(left.filter(p -> !p.equals(workDir)).map(Path::toString).toList())
                    .as("the drill's temporary lab is removed\n%s", String.join("\n", output)).isEmpty();
        }
    }

    @Test
    void givenALabHalfBuilt_whenTheDrillGetsSigterm_thenNothingItStartedKeepsRunning() throws Exception {
        interruptWhen("starting database us-east-1", Duration.ofMillis(1500));
    }

    @Test
    void givenTheDrillUnderLoad_whenItGetsSigterm_thenTheLabIsStoppedAndRemoved() throws Exception {
        interruptWhen("load before the fault", Duration.ofSeconds(1));
    }
}
