package dev.paymentsdr.lab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabException;
import dev.paymentsdr.lab.LabStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code drctl lab status}: each region's database, replication and service, and where HAProxy routes. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each region's role, database, replication lag, service readiness and HAProxy's route.")
public final class LabStatusCommand implements Callable<Integer> {
    /** Status JSON uses snake_case field names, like the drill reports. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private LabDirOption dirOption;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        Path dir = dirOption.resolve();
        if (!Lab.exists(dir)) {
            spec.commandLine().getErr().println("drctl lab status: no lab in " + dir + "; start one with 'drctl lab up'");
            return 1;
        }
        LabStatus status;
        try {
            status = Lab.open(dir).status();
        } catch (LabException e) {
            spec.commandLine().getErr().println("drctl lab status: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().print(json ? JSON.writeValueAsString(status) + "\n" : StatusTable.render(status));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
