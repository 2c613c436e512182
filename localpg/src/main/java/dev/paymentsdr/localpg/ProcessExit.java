package dev.paymentsdr.localpg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits for a process that is not our child to end. A killed process stays a zombie until its parent reaps it,
 * and a daemon's parent here is PID 1, which may reap late; {@code ProcessHandle.isAlive()} and {@code onExit()}
 * count a zombie as alive (onExit also polls with a growing back-off): both reported a killed postmaster gone 1-2 s
 * late, time a failover spent fencing. This polls every 10 ms and takes a zombie as ended.
 */
public final class ProcessExit {
    private ProcessExit() {
    }

    /** True when the process no longer runs: gone, or a zombie ({@code Z}) or dead ({@code X}) in {@code /proc}. */
    public static boolean hasEnded(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // the state follows the command name, which is in parentheses and may itself contain spaces
            String afterName = stat.substring(stat.lastIndexOf(')') + 1).strip();
            char state = afterName.isEmpty() ? '?' : afterName.charAt(0);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException e) {
            return !process.isAlive();
        }
    }

    /** Polls every 10 ms until the process has ended or the limit passed; true when it ended. */
    public static boolean await(ProcessHandle process, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!hasEnded(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return hasEnded(process);
            }
        }
        return true;
    }
}
