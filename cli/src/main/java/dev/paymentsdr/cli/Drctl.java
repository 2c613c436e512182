package dev.paymentsdr.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code drctl} command: every payments-dr operation is one of its subcommands. */
@Command(name = "drctl",
        mixinStandardHelpOptions = true,
        versionProvider = DrctlVersion.class,
        description = "Multi-region disaster recovery for payment processing: serve, synthesize, run the lab, fail over, drill, reconcile.",
        subcommands = {
            dev.paymentsdr.service.ServeCommand.class,
            dev.paymentsdr.service.reconcile.ReconcileCommand.class,
            dev.paymentsdr.bench.BenchCommand.class,
            dev.paymentsdr.lab.cli.LabCommand.class,
            dev.paymentsdr.cli.failover.FailoverCommand.class, dev.paymentsdr.cli.failover.FailbackCommand.class, dev.paymentsdr.cli.failover.MonitorCommand.class, dev.paymentsdr.cli.failover.StatusCommand.class, dev.paymentsdr.cli.failover.HistoryCommand.class,
            dev.paymentsdr.lab.drill.DrillCommand.class,
            dev.paymentsdr.infra.SynthCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Drctl implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests execute it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Drctl()).setCaseInsensitiveEnumValuesAllowed(true)
                .addSubcommand("completion", new AutoComplete.GenerateCompletion());
    }
}
