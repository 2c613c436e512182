package dev.paymentsdr.lab.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts lab processes detached from the terminal (own session, output to a log file) and stops them by
 * pid: SIGTERM, then SIGKILL after a grace period. A pid is only signalled while its command line still
 * contains the expected marker, so a recycled pid is never hit.
 */
public final class ProcessControl {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ProcessControl() {
    }

    /**
     * Starts the command in a new session with stdin from /dev/null and stdout+stderr appended to the log.
     * The returned process is the command itself ({@code setsid} execs it), so its pid is the one to record.
     */
    public static Process launch(List<String> command, Map<String, String> environment, Path log) throws IOException {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The live process of that pid whose command line contains the marker. */
    public static Optional<ProcessHandle> find(Long pid, String marker) {
        if (pid == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> matches(p, marker));
    }

    public static boolean isAlive(Long pid, String marker) {
        return find(pid, marker).isPresent();
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL; returns true when a process was running. */
    public static boolean terminate(Long pid, String marker, Duration grace) {
        Optional<ProcessHandle> process = find(pid, marker);
        if (process.isEmpty()) {
            return false;
        }
        ProcessHandle handle = process.get();
        handle.destroy();
        if (!dev.paymentsdr.localpg.ProcessExit.await(handle, grace)) {
            kill(handle);
        }
        return true;
    }

    /** SIGKILL at once, as a crashing machine would; returns true when a process was running. */
    public static boolean kill(Long pid, String marker) {
        Optional<ProcessHandle> process = find(pid, marker);
        process.ifPresent(ProcessControl::kill);
        return process.isPresent();
    }

    private static void kill(ProcessHandle handle) {
        handle.destroyForcibly();
        dev.paymentsdr.localpg.ProcessExit.await(handle, Duration.ofSeconds(10));
    }


    /**
     * Kills (SIGKILL, after SIGCONT for a frozen one) every process whose command line contains {@code path}: the
     * last sweep after a drill's temporary lab was stopped, so that nothing it started can outlive it.
     */
    public static int killAllMentioning(String path) {
        if (path == null || path.length() < 8) {
            throw new IllegalArgumentException("refusing to sweep processes by a short pattern: '" + path + "'");
        }
        long self = ProcessHandle.current().pid();
        java.util.List<ProcessHandle> found = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && matches(p, path)).toList();
        for (ProcessHandle p : found) {
            // children first (a postmaster's backends do not name the data directory), then the process itself
            List<ProcessHandle> children = p.descendants().toList();
            resume(p.pid());
            children.forEach(c -> resume(c.pid()));
            children.forEach(ProcessControl::kill);
            kill(p);
        }
        return found.size();
    }

    /** Sends SIGCONT (a frozen process cannot exit cleanly until it runs again); harmless on a running one. */
    public static void resume(long pid) {
        signal("CONT", pid);
    }

    /**
     * Sends SIGSTOP to each process and all its descendants, each parent before its children (a postmaster forks no
     * new backend), with one {@code kill}: they freeze as a hung host would, their sockets still open. Signalled one
     * by one, a process still running while the others are frozen could go on answering.
     */
    public static void freezeTrees(List<Long> roots) {
        List<Long> pids = new ArrayList<>();
        for (long root : roots) {
            pids.add(root);
            ProcessHandle.of(root).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        }
        signal("STOP", pids.stream().mapToLong(Long::longValue).toArray());
    }

    private static void signal(String name, long... pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + name));
        for (long pid : pids) {
            command.add(Long.toString(pid));
        }
        try {
            dev.paymentsdr.localpg.Program.run(command, null, java.util.Map.of(), Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot send SIG" + name + " to " + command.subList(2, command.size())
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean matches(ProcessHandle process, String marker) {
        // Without a readable command line (another user's process) we cannot tell: do not touch it.
        return process.info().commandLine().map(line -> line.contains(marker)).orElse(false);
    }
}
