package dev.paymentsdr.cli.failover;

import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension (register it as a static field): an AWS deployment in moto, for the whole test class, that {@code drctl ... --target aws} finds the way an operator's shell would: the SDK's
 * standard endpoint, credentials and region settings (as the system properties the SDK reads alongside
 * {@code AWS_ENDPOINT_URL} and friends), and the resources from a {@code --config} file.
 */
final class MotoDeployment implements BeforeAllCallback, AfterAllCallback {
    private static final String[] PROPERTIES = {"aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey", "aws.region"};

    private AwsWorld world;

    @Override
    public void beforeAll(ExtensionContext context) {
        world = new AwsWorld(MotoTest.server());
        System.setProperty("aws.endpointUrl", MotoTest.server().endpoint().toString());
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", "us-east-1");
    }

    AwsWorld world() {
        return world;
    }

    /** Writes {@code settings} as a {@code --config} file in {@code dir} and returns its path. */
    static Path config(Path dir, String name, Map<String, String> settings) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")));
        return file;
    }

    /** The deployment's own resources as a {@code --config} file in {@code dir}. */
    Path config(Path dir) throws IOException {
        return config(dir, "failover.properties", world.settings());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (String p : PROPERTIES) {
            System.clearProperty(p);
        }
        world.close();
    }
}
