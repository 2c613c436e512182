package dev.paymentsdr.lab.cli;

import dev.paymentsdr.lab.LabConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --dir} option every lab command shares. */
final class LabDirOption {
    @Option(names = "--dir", paramLabel = "DIR",
            description = "Lab directory (default: <repo>/.lab, which git ignores).")
    Path dir;

    /** The chosen directory, or the default. */
    Path resolve() {
        return dir == null ? LabConfig.defaultDir() : dir.toAbsolutePath().normalize();
    }
}
