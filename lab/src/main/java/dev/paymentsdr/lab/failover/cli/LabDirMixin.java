package dev.paymentsdr.lab.failover.cli;

import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabConfig;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --lab-dir} option of the failover commands, and opening the running lab it names. */
public final class LabDirMixin {
    @Option(names = {"--lab-dir", "--dir"}, paramLabel = "DIR",
            description = "Lab directory of the running lab (default: <repo>/.lab).")
    Path dir;

    /** The chosen directory, or the lab's default. */
    public Path resolve() {
        return dir == null ? LabConfig.defaultDir() : dir.toAbsolutePath().normalize();
    }

    /** The running lab; a usage error (exit 2) naming the directory when there is none. */
    public Lab open(CommandLine commandLine) {
        Path labDir = resolve();
        if (!Lab.exists(labDir)) {
            throw new CommandLine.ParameterException(commandLine, "no lab in " + labDir
                    + "; start one with 'drctl lab up' or name its directory with --lab-dir DIR");
        }
        return Lab.open(labDir);
    }
}
