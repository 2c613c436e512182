package dev.paymentsdr.service;

import picocli.CommandLine;

/** Process entry point of the payment service (containers and the lab): the same as {@code drctl serve}. */
public final class ServiceMain {
    private ServiceMain() {
    }

    public static void main(String[] args) {
        int exitCode = new CommandLine(new ServeCommand()).execute(args);
        // After a clean stop the shutdown hook is finishing; exiting here would block on it.
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
