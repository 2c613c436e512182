package dev.paymentsdr.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code drctl lab}: the local two-region lab's up, down, status and logs commands. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run two regions on this machine: PostgreSQL primary + streaming standby, payment services, HAProxy,"
                + " network links (toxiproxy) with latency and partitions.",
        subcommands = {LabUpCommand.class, LabDownCommand.class, LabStatusCommand.class, LabLogsCommand.class,
            LabPartitionCommand.class, LabHealCommand.class})
public final class LabCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
