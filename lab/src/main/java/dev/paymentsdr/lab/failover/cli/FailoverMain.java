package dev.paymentsdr.lab.failover.cli;

import picocli.CommandLine;

/** Runs {@code failover} as its own process (drills kill it mid-way to prove that a rerun resumes). */
public final class FailoverMain {
    private FailoverMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new FailoverCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
