package dev.paymentsdr.lab.cli;

import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code drctl lab down}: stops every process the lab started. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop every lab process (HAProxy, services, databases, network links); keeps all data unless --purge.")
public final class LabDownCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private LabDirOption dirOption;

    @Option(names = "--purge", description = "Also delete the lab's databases, logs, password and state.")
    private boolean purge;

    @Override
    public Integer call() {
        Path dir = dirOption.resolve();
        if (!Lab.exists(dir)) {
            spec.commandLine().getOut().println("No lab in " + dir + "; nothing to stop.");
            return 0;
        }
        try {
            Lab.open(dir).down(purge);
        } catch (LabException e) {
            spec.commandLine().getErr().println("drctl lab down: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("The lab in " + dir + " is stopped" + (purge ? " and deleted." : "; its data is kept (--purge deletes it)."));
        return 0;
    }
}
