package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.ProjectLayout;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The deployable code of the runtime: the Lambda jar and the payment service container image, as factories
 * because a CDK asset belongs to one stack and every regional stack needs its own.
 */
public record Artifacts(Supplier<Code> lambdaCode, Supplier<ContainerImage> serviceImage) {
    /** Folders never sent to the Docker build context. */
    public static final List<String> IMAGE_EXCLUDES = List.of("**/target", "**/node_modules", ".git", ".lab", ".tools",
            "cdk.out", "**/cdk.out");

    /** The real artifacts of the repository: the shaded Lambda jar and the image built from service/Dockerfile. */
    public static Artifacts fromProject(ProjectLayout layout) {
        String jar = layout.lambdaJar().toString();
        String root = layout.root().toString();
        return new Artifacts(() -> Code.fromAsset(jar),
                () -> ContainerImage.fromAsset(root, AssetImageProps.builder()
                        .file("service/Dockerfile")
                        .exclude(IMAGE_EXCLUDES)
                        .build()));
    }

}
