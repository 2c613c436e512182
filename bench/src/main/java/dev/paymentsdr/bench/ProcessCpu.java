package dev.paymentsdr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time (user + system) that processes used, read from Linux's {@code /proc}: the load-independent side of a
 * benchmark on a busy machine. Elsewhere nothing is measured ({@link #supported()} is false).
 */
final class ProcessCpu {
    private static final Path PROC = Path.of("/proc");
    private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicksPerSecond();

    private ProcessCpu() {
    }

    static boolean supported() {
        return Files.isReadable(PROC.resolve("self/stat"));
    }

    /** Every thread of one process, in nanoseconds; empty when it is gone or /proc cannot be read. */
    static Optional<Long> ofProcess(long pid) {
        return fields(PROC.resolve(pid + "/stat")).map(f -> ticks(f, 14) + ticks(f, 15));
    }

    /**
     * A server process, its live children and the children it has already reaped (PostgreSQL's postmaster with its
     * backends, also those of sessions that ended), in nanoseconds.
     */
    static Optional<Long> ofTree(long pid) {
        Optional<long[]> own = fields(PROC.resolve(pid + "/stat")).map(f -> new long[] {
                ticks(f, 14) + ticks(f, 15) + ticks(f, 16) + ticks(f, 17)});
        if (own.isEmpty()) {
            return Optional.empty();
        }
        long total = own.get()[0];
        List<ProcessHandle> children = ProcessHandle.of(pid).map(p -> p.children().toList()).orElse(List.of());
        for (ProcessHandle child : children) {
            total += ofProcess(child.pid()).orElse(0L);
        }
        return Optional.of(total);
    }

    /** The threads of a process whose names start with one of the prefixes (e.g. the JIT compiler's), in nanoseconds. */
    static Optional<Long> ofThreads(long pid, List<String> namePrefixes) {
        try (Stream<Path> tasks = Files.list(PROC.resolve(pid + "/task"))) {
            long total = 0;
            for (Path task : tasks.toList()) {
                String text = read(task.resolve("stat")).orElse(null);
                if (text == null) {
                    continue; // the thread ended meanwhile
                }
                String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
                if (namePrefixes.stream().anyMatch(name::startsWith)) {
                    String[] f = afterName(text);
                    total += ticks(f, 14) + ticks(f, 15);
                }
            }
            return Optional.of(total);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The 1-minute load average, or -1 where there is none to read. */
    static double loadAverage() {
        return read(PROC.resolve("loadavg")).map(text -> Double.parseDouble(text.split(" ")[0])).orElse(-1.0);
    }

    private static Optional<String[]> fields(Path stat) {
        return read(stat).map(ProcessCpu::afterName);
    }

    /** The fields after the command name, which may itself hold spaces and parentheses. */
    private static String[] afterName(String text) {
        return text.substring(text.lastIndexOf(')') + 2).split(" ");
    }

    /** Field {@code number} of proc(5)'s stat line (1-based, as the manual counts: 14 is utime) in nanoseconds. */
    private static long ticks(String[] afterName, int number) {
        return Long.parseLong(afterName[number - 3]) * NANOS_PER_TICK;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** USER_HZ: 100 on every Linux this runs on; {@code getconf} says so for sure where it exists. */
    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            if (getconf.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(new String(getconf.getInputStream().readAllBytes()).strip());
            }
            getconf.destroyForcibly();
        } catch (IOException | NumberFormatException e) {
            // fall through to the default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
