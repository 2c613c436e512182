package dev.paymentsdr.lab.cli;

import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabException;
import dev.paymentsdr.lab.LabRegion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code drctl lab logs}: the last lines of the chosen lab log files. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the last lines of the lab's log files (databases, services, HAProxy).")
public final class LabLogsCommand implements Callable<Integer> {
    /** The kinds of log the lab keeps. */
    public enum Component { db, service, haproxy }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private LabDirOption dirOption;

    @Option(names = "--region", paramLabel = "REGION", description = "Only this region's logs (default: every region).")
    private String region;

    @Option(names = "--component", paramLabel = "COMPONENT", description = "Only this component: ${COMPLETION-CANDIDATES} (default: all).")
    private Component component;

    @Option(names = {"-n", "--lines"}, description = "Lines per file (default: ${DEFAULT-VALUE}).", defaultValue = "40")
    private int lines;

    @Override
    public Integer call() {
        if (lines < 1 || lines > 100_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lines must be 1..100000, was " + lines);
        }
        Path dir = dirOption.resolve();
        if (!Lab.exists(dir)) {
            spec.commandLine().getErr().println("drctl lab logs: no lab in " + dir + "; start one with 'drctl lab up'");
            return 1;
        }
        try {
            Lab lab = Lab.open(dir);
            for (Path file : files(lab)) {
                spec.commandLine().getOut().println("==> " + file + " <==");
                spec.commandLine().getOut().println(tail(file, lines));
            }
            return 0;
        } catch (LabException e) {
            spec.commandLine().getErr().println("drctl lab logs: " + e.getMessage());
            return 1;
        }
    }

    private List<Path> files(Lab lab) {
        List<LabRegion> regions = lab.regions();
        if (region != null) {
            if (regions.stream().noneMatch(r -> r.name().equals(region))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--region must be one of "
                        + regions.stream().map(LabRegion::name).toList() + ", was '" + region + "'");
            }
            regions = List.of(lab.region(region));
        }
        List<Path> files = new ArrayList<>();
        for (LabRegion r : regions) {
            if (component == null || component == Component.db) {
                files.add(r.db().logFile());
            }
            if (component == null || component == Component.service) {
                files.add(r.serviceLog());
            }
        }
        if ((component == null && region == null) || component == Component.haproxy) {
            files.add(lab.haproxy().logFile());
        }
        return files;
    }

    private static String tail(Path file, int count) {
        if (!Files.exists(file)) {
            return "(no log yet)";
        }
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                last.addLast(line);
                if (last.size() > count) {
                    last.removeFirst();
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(cannot read: " + e.getMessage() + ")";
        }
        return String.join("\n", last);
    }
}
