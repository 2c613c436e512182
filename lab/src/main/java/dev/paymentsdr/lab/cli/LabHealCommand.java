package dev.paymentsdr.lab.cli;

import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabException;
import dev.paymentsdr.lab.network.ToxiproxyException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code drctl lab heal}: end every partition of a region. */
@Command(name = "heal", mixinStandardHelpOptions = true, description = "End the partitions of a region: its links carry bytes again.")
public final class LabHealCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private LabDirOption dirOption;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "The region to reconnect.")
    private String region;

    @Override
    public Integer call() {
        try {
            List<String> healed = Lab.open(dirOption.resolve()).network().heal(region);
            spec.commandLine().getOut().println(healed.isEmpty() ? region + " was not cut off from anything."
                    : region + " is reconnected: links " + String.join(", ", healed) + " carry bytes again.");
            return 0;
        } catch (LabException | ToxiproxyException e) {
            spec.commandLine().getErr().println("drctl lab heal: " + e.getMessage());
            return 1;
        }
    }
}
