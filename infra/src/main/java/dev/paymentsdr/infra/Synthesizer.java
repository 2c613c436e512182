package dev.paymentsdr.infra;

import dev.paymentsdr.infra.blueprints.Artifacts;
import dev.paymentsdr.infra.blueprints.Blueprint;
import dev.paymentsdr.infra.blueprints.Blueprints;
import dev.paymentsdr.infra.config.ContextReader;
import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.config.InvalidContextException;
import dev.paymentsdr.infra.nag.FrameworkSuppressions;
import dev.paymentsdr.infra.nag.Nag;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;

/** Builds the CDK app for a blueprint and synthesizes it into a cloud assembly (offline, no CDK CLI needed). */
public final class Synthesizer {
    /** Context key that names the blueprint. */
    public static final String BLUEPRINT_KEY = "blueprint";

    /** Feature flags set in code (not only in cdk.json) so that drctl synth and cdk synth produce the same templates. */
    static final Map<String, Object> FEATURE_FLAGS = Map.of(
            "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true,
            "@aws-cdk/aws-iam:minimizePolicies", true,
            "@aws-cdk/core:enablePartitionLiterals", true,
            "@aws-cdk/core:defaultCrossStackReferences", "strong");

    private Synthesizer() {
    }

    /** The synthesized assembly, the app that made it and the notes of the blueprint. */
    public record Result(App app, CloudAssembly assembly, List<String> notes) {
    }

    /**
     * Synthesizes the blueprint named in {@code context} (default flagship) into {@code outDir} (null: the CDK CLI's
     * CDK_OUTDIR, else a temporary folder). Context from the CDK CLI (CDK_CONTEXT_JSON) is merged by the App.
     */
    public static Result synthesize(Map<String, Object> context, Path outDir, Supplier<Artifacts> artifacts) {
        return synthesize(null, context, outDir, artifacts);
    }

    /**
     * Synthesizes {@code blueprint} (null: the one named by context, default flagship) with cdk-nag applied.
     */
    public static Result synthesize(Blueprint chosen, Map<String, Object> context, Path outDir, Supplier<Artifacts> artifacts) {
        Map<String, Object> merged = new LinkedHashMap<>(FEATURE_FLAGS);
        merged.putAll(context);
        App.Builder builder = App.Builder.create().context(merged);
        if (outDir != null) {
            builder.outdir(outDir.toString());
        }
        App app = builder.build();
        Object name = app.getNode().tryGetContext(BLUEPRINT_KEY);
        Blueprint blueprint = chosen != null ? chosen : Blueprints.named(name == null ? "flagship" : name.toString());
        DrSettings settings = new ContextReader(key -> app.getNode().tryGetContext(key), blueprint.contextDefaults()).read();
        List<String> notes;
        try {
            notes = blueprint.compose(app, settings, artifacts.get());
        } catch (IllegalArgumentException e) {
            // A combination the constructs refuse is a usage error of this synthesis, reported like a bad context value.
            throw new InvalidContextException("blueprint " + blueprint.name() + ": " + e.getMessage());
        }
        for (var child : app.getNode().getChildren()) {
            if (child instanceof Stack stack) {
                FrameworkSuppressions.apply(stack);
            }
        }
        Nag.applyChecks(app);
        return new Result(app, app.synth(), notes);
    }
}
