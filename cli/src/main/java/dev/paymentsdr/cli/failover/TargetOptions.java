package dev.paymentsdr.cli.failover;

import dev.paymentsdr.aws.failover.AwsClients;
import dev.paymentsdr.aws.failover.config.FailoverResources;
import dev.paymentsdr.aws.failover.config.ResourceSources;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that choose what the failover commands act on: {@code --target lab} (a running lab, by its
 * directory) or {@code --target aws} (a deployment, found by its stacks' outputs and/or a config file).
 */
public final class TargetOptions {
    @Option(names = "--target", paramLabel = "lab|aws", defaultValue = "lab",
            description = "What to act on: the local lab or an AWS deployment (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = {"--lab-dir", "--dir"}, paramLabel = "DIR",
            description = "lab: directory of the running lab (default: <repo>/.lab).")
    Path labDir;

    @Option(names = "--environment", paramLabel = "SUFFIX",
            description = "aws: environment suffix of the stacks PaymentsDr-{Primary,Secondary,Global}-SUFFIX whose outputs name the resources.")
    String environment;

    @Option(names = "--config", paramLabel = "FILE",
            description = "aws: key=value file naming the resources (its values win over stack outputs); see the README.")
    Path config;

    @Option(names = "--primary-region", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "aws: region of the Primary stack (default: ${DEFAULT-VALUE}).")
    String primaryRegion;

    @Option(names = "--secondary-region", paramLabel = "REGION", defaultValue = "us-east-2",
            description = "aws: region of the Secondary stack (default: ${DEFAULT-VALUE}).")
    String secondaryRegion;

    /** Opens the chosen target; a usage error (exit 2) says what is missing and how to name it. */
    FailoverTarget open(CommandLine commandLine) {
        return switch (target.toLowerCase(java.util.Locale.ROOT)) {
            case "aws" -> openAws(commandLine);
            case "lab" -> openLab(commandLine);
            default -> throw new CommandLine.ParameterException(commandLine, "--target: expected lab or aws, was '"
                    + target + "'");
        };
    }

    private FailoverTarget openLab(CommandLine commandLine) {
        if (environment != null || config != null) {
            throw new CommandLine.ParameterException(commandLine, "--environment and --config name AWS resources;"
                    + " add --target aws");
        }
        Path dir = labDir == null ? LabConfig.defaultDir() : labDir.toAbsolutePath().normalize();
        if (!Lab.exists(dir)) {
            throw new CommandLine.ParameterException(commandLine, "no lab in " + dir
                    + "; start one with 'drctl lab up' or name its directory with --lab-dir DIR");
        }
        return new LabTarget(Lab.open(dir));
    }

    private FailoverTarget openAws(CommandLine commandLine) {
        if (labDir != null) {
            throw new CommandLine.ParameterException(commandLine, "--lab-dir names a lab; leave it out with --target aws");
        }
        if (environment == null && config == null) {
            throw new CommandLine.ParameterException(commandLine, "--target aws needs --environment SUFFIX (read the stacks'"
                    + " outputs) and/or --config FILE (key=value resource names)");
        }
        if (config != null && !Files.isReadable(config)) {
            throw new CommandLine.ParameterException(commandLine, "--config: cannot read " + config.toAbsolutePath());
        }
        AwsClients clients = AwsClients.fromEnvironment();
        try {
            List<String> notes = new ArrayList<>();
            Map<String, String> settings = Map.of();
            String source = "";
            if (environment != null) {
                settings = ResourceSources.stackOutputs(environment, region("--primary-region", primaryRegion, commandLine),
                        region("--secondary-region", secondaryRegion, commandLine), clients::cloudFormation, notes);
                source = "stack outputs of PaymentsDr-*-" + environment;
            }
            if (config != null) {
                settings = ResourceSources.merge(settings, ResourceSources.file(config));
                source = source.isEmpty() ? config.toString() : source + " and " + config;
            }
            FailoverResources resources;
            try {
                resources = FailoverResources.parse(settings, source);
            } catch (FailoverResources.InvalidResourcesException e) {
                throw new CommandLine.ParameterException(commandLine, e.getMessage()
                        + (notes.isEmpty() ? "" : "\n  (" + String.join("; ", notes) + ")")
                        + "\nName what is missing in --config FILE (see the README, 'Failing over on AWS').");
            }
            return AwsTarget.of(resources, clients, source);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    private static RegionId region(String option, String name, CommandLine commandLine) {
        try {
            return RegionId.of(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, option + ": " + e.getMessage());
        }
    }
}
