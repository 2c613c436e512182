package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLaunchTest {
    @Test
    void theCommandRunsServiceMainWithTheFlagsServeAccepts() {
        List<String> command = ServiceLaunch.javaCommand(List.of("-Xmx256m"), "a.jar:b.jar", "us-east-1", 8081,
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "--db-pool-size", "4");

        assertThat(command.get(0)).endsWith("/bin/java");
        assertThat(command.subList(1, command.size())).containsExactly("-Xmx256m", "-cp", "a.jar:b.jar",
                "dev.paymentsdr.service.ServiceMain", "--region", "us-east-1", "--port", "8081",
                "--db-url", "jdbc:postgresql://127.0.0.1:5432/postgres", "--db-user", "postgres", "--db-pool-size", "4");
        // The flags after the main class are ones the serve command accepts.
        ServeCommand serve = new ServeCommand();
        new picocli.CommandLine(serve).parseArgs(command.subList(5, command.size()).toArray(String[]::new));
    }

    @Test
    void theArchiveFlagsNameAnAbsoluteDirectoryThatServeTakesAsTheArchive() {
        List<String> command = ServiceLaunch.javaCommand(List.of(), "a.jar", "us-east-2", 8082,
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                ServiceLaunch.archiveFlags(java.nio.file.Path.of("lab/archive/us-east-2")));
        ServeCommand serve = new ServeCommand(java.util.Map.of());
        new picocli.CommandLine(serve).parseArgs(command.subList(4, command.size()).toArray(String[]::new));

        assertThat(serve.config().backends().archive()).contains(new dev.paymentsdr.service.backend.ArchiveLocation.Directory(
                java.nio.file.Path.of("lab/archive/us-east-2").toAbsolutePath()));
    }
}
