package dev.paymentsdr.infra.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the repository root (the folder holding cdk.json) and the build outputs synthesis packages. */
public final class ProjectLayout {
    /** The shaded Lambda jar built by the aws-runtime module, relative to the repository root. */
    public static final String LAMBDA_JAR = "aws-runtime/target/payments-dr-lambda.jar";

    private final Path root;

    private ProjectLayout(Path root) {
        this.root = root;
    }

    /** Uses system property {@code drctl.home} when set, else walks up from the working directory to cdk.json. */
    public static ProjectLayout locate() {
        String home = System.getProperty("drctl.home");
        if (home != null && !home.isBlank()) {
            return new ProjectLayout(Path.of(home).toAbsolutePath().normalize());
        }
        return fromDirectory(Path.of("").toAbsolutePath())
                .orElseThrow(() -> new IllegalStateException("cannot find the payments-dr repository: no cdk.json in "
                        + Path.of("").toAbsolutePath() + " or its parents; run from the repository or set -Ddrctl.home"));
    }

    /** Walks up from {@code start} to the first folder holding cdk.json. */
    public static Optional<ProjectLayout> fromDirectory(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cdk.json"))) {
                return Optional.of(new ProjectLayout(dir));
            }
        }
        return Optional.empty();
    }

    /** The repository root. */
    public Path root() {
        return root;
    }

    /** The Lambda jar; fails with the command that builds it when it is missing. */
    public Path lambdaJar() {
        Path jar = root.resolve(LAMBDA_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the Lambda jar " + jar + " is missing; build it with "
                    + "'mvn -pl aws-runtime -am package -DskipTests' (./drctl synth builds it for you)");
        }
        return jar;
    }
}
