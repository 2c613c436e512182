package dev.paymentsdr.infra;

import dev.paymentsdr.infra.blueprints.Artifacts;
import dev.paymentsdr.infra.blueprints.Blueprints;
import dev.paymentsdr.infra.config.InvalidContextException;
import dev.paymentsdr.infra.config.ProjectLayout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** {@code drctl synth}: synthesizes a blueprint to CloudFormation templates offline, without the CDK CLI. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Synthesize a blueprint's CloudFormation templates offline (no AWS account, no CDK CLI needed).")
public final class SynthCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--blueprint", paramLabel = "NAME", description = "blueprint to synthesize (default: flagship)")
    private String blueprint;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: CDK_OUTDIR when run by the CDK CLI, else <repo>/cdk.out)")
    private Path out;

    @Option(names = {"-c", "--context"}, paramLabel = "KEY=VALUE",
            description = "context parameter, repeatable, e.g. -c environmentSuffix=prod -c alertEmail=ops@example.com")
    private Map<String, String> context = new LinkedHashMap<>();

    /** Runs the command on its own (drctl registers it as a subcommand). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SynthCommand()).execute(args));
    }

    @Override
    public Integer call() {
        if (blueprint != null && !Blueprints.names().contains(blueprint)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --blueprint '" + blueprint
                    + "'; known blueprints: " + String.join(", ", Blueprints.names()));
        }
        for (String key : context.keySet()) {
            if (!dev.paymentsdr.infra.config.ContextReader.KEYS.contains(key) && !Synthesizer.BLUEPRINT_KEY.equals(key)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown context key '" + key
                        + "'; known keys: " + String.join(", ", dev.paymentsdr.infra.config.ContextReader.KEYS));
            }
        }
        Map<String, Object> ctx = new LinkedHashMap<>(context);
        if (blueprint != null) {
            ctx.put(Synthesizer.BLUEPRINT_KEY, blueprint);
        }
        Path outDir = out;
        if (outDir == null && System.getenv("CDK_OUTDIR") == null) {
            outDir = ProjectLayout.locate().root().resolve("cdk.out");
        }
        try {
            Synthesizer.Result result = Synthesizer.synthesize(ctx, outDir,
                    () -> Artifacts.fromProject(ProjectLayout.locate()));
            result.notes().forEach(note -> System.err.println("note: " + note));
            List<CloudFormationStackArtifact> stacks = result.assembly().getStacks();
            for (CloudFormationStackArtifact stack : stacks) {
                System.err.println("synthesized " + stack.getStackName() + " (" + stack.getEnvironment().getRegion() + ") -> "
                        + Path.of(result.assembly().getDirectory()).resolve(stack.getTemplateFile()));
            }
            return 0;
        } catch (InvalidContextException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("drctl synth: " + e.getMessage());
            return 1;
        }
    }
}
