package dev.paymentsdr.infra;

import dev.paymentsdr.infra.blueprints.Artifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.lambda.Code;

/** Small stand-ins for the real build outputs: a folder as Lambda code and a folder with a Dockerfile as image. */
public final class TestArtifacts {
    private static Path dir;

    private TestArtifacts() {
    }

    /** Artifacts staged from a temporary folder that is created once per JVM and deleted on exit. */
    public static synchronized Artifacts create() {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("infra-test-artifacts");
                Path lambda = Files.createDirectories(dir.resolve("lambda"));
                Files.writeString(lambda.resolve("handler.txt"), "stand-in for payments-dr-lambda.jar");
                Path docker = Files.createDirectories(dir.resolve("image"));
                Files.writeString(docker.resolve("Dockerfile"), "FROM public.ecr.aws/docker/library/eclipse-temurin:21-jre\n");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            }
            String code = dir.resolve("lambda").toString();
            String image = dir.resolve("image").toString();
            return new Artifacts(() -> Code.fromAsset(code), () -> ContainerImage.fromAsset(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder tree, ignoring errors (used for temp folders). */
    public static void deleteQuietly(Path root) {
        // -Dinfra.keepOutput=true keeps synthesized assemblies for inspection.
        if (root == null || !Files.exists(root) || Boolean.getBoolean("infra.keepOutput")) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: temp folder
        }
    }
}
