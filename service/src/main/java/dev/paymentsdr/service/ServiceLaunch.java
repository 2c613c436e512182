package dev.paymentsdr.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How another program starts the payment service in a JVM of its own (the lab, the benchmark): the one
 * place outside the service that knows its main class, its flags and the variable that carries the password.
 */
public final class ServiceLaunch {
    /** The environment variable the database password travels in; never a command-line flag. */
    public static final String PASSWORD_VARIABLE = "PAYMENTS_DB_PASSWORD";

    private ServiceLaunch() {
    }

    /** The flags that make the service archive its accepted payments in a directory (the lab: one per region). */
    public static String[] archiveFlags(Path directory) {
        return new String[] {"--archive", directory.toAbsolutePath().toString()};
    }

    /**
     * The command line: this JVM's {@code java}, the JVM options, the class path, {@link ServiceMain} and its flags.
     *
     * @param extraFlags further {@code serve} flags, such as {@code --db-pool-size 16}
     */
    public static List<String> javaCommand(List<String> jvmOptions, String classpath, String region, int port,
                                           String dbUrl, String dbUser, String... extraFlags) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, ServiceMain.class.getName(),
                "--region", region, "--port", Integer.toString(port), "--db-url", dbUrl, "--db-user", dbUser));
        command.addAll(List.of(extraFlags));
        return command;
    }
}
