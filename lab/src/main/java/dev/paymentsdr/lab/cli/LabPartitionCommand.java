package dev.paymentsdr.lab.cli;

import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabException;
import dev.paymentsdr.lab.Network;
import dev.paymentsdr.lab.network.ToxiproxyException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code drctl lab partition}: cut a region off from clients, from the other region, or both. */
@Command(name = "partition", mixinStandardHelpOptions = true,
        description = "Cut a region off from clients, from the other region (replication, monitor, orchestrator), or"
                + " both; its processes keep running. 'drctl lab heal' ends it.")
public final class LabPartitionCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private LabDirOption dirOption;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "The region to cut off.")
    private String region;

    @Option(names = "--from", defaultValue = "all", paramLabel = "clients|regions|all",
            description = "What to cut it off from (default: ${DEFAULT-VALUE}).")
    private String from;

    @Override
    public Integer call() {
        var sides = parse();
        try {
            List<String> cut = Lab.open(dirOption.resolve()).network().cut(region, sides);
            spec.commandLine().getOut().println(region + " is cut off from " + from + ": links " + String.join(", ", cut)
                    + " drop every byte. Heal with: drctl lab heal --region " + region);
            return 0;
        } catch (LabException | ToxiproxyException e) {
            spec.commandLine().getErr().println("drctl lab partition: " + e.getMessage());
            return 1;
        }
    }

    private java.util.Set<dev.paymentsdr.lab.network.PartitionSide> parse() {
        try {
            return Network.partitionOf(from);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from: " + e.getMessage());
        }
    }
}
