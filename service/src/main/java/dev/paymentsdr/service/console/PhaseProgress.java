package dev.paymentsdr.service.console;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.InstantSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The progress of a long-running command (lab up, failover, failback, bench) on the terminal: each phase as it
 * starts and as it ends with its duration, and a line every few seconds while a long phase runs, so a silent
 * terminal never leaves the operator wondering. It writes to stderr, where stdout carries results (JSON, tables).
 */
public final class PhaseProgress implements AutoCloseable {
    /** How often a running phase says it still runs, when nothing else was printed. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final String command;
    private final PrintWriter out;
    private final InstantSource clock;
    private final Instant begun;
    private final ScheduledExecutorService ticker;
    private String phase;
    private Instant phaseStarted;
    private Instant lastPrinted;
    private final Duration heartbeat;

    /**
     * @param heartbeat how long a phase may run silently before a "still running" line; zero for none
     *                  (tests call {@link #tick()} with their own clock instead)
     */
    public PhaseProgress(String command, PrintWriter out, InstantSource clock, Duration heartbeat) {
        this(command, out, clock, heartbeat, !heartbeat.isZero());
    }

    /** With {@code ticking} false no thread calls {@link #tick()}: a test calls it after moving its clock. */
    PhaseProgress(String command, PrintWriter out, InstantSource clock, Duration heartbeat, boolean ticking) {
        this.command = command;
        this.out = out;
        this.clock = clock;
        this.begun = clock.instant();
        this.lastPrinted = begun;
        this.heartbeat = heartbeat;
        if (!ticking) {
            ticker = null;
        } else {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, command + "-progress");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(250, heartbeat.toMillis() / 5);
            ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Progress of {@code command} on {@code err} (the command line's stderr) with the wall clock and the usual heartbeat. */
    public static PhaseProgress on(String command, PrintWriter err) {
        return new PhaseProgress(command, err, Clock.systemUTC(), HEARTBEAT);
    }

    /** A new phase begins; the one running, if any, ends as done. */
    public synchronized void start(String name) {
        if (phase != null) {
            done("");
        }
        phase = name;
        phaseStarted = clock.instant();
        print(name + " ...");
    }

    /** The running phase ended well; {@code detail} (may be empty) says what it found. */
    public synchronized void done(String detail) {
        end("done in", detail);
    }

    /** The running phase ended in failure; {@code detail} says why. */
    public synchronized void failed(String detail) {
        end("FAILED in", detail);
    }

    /** Something worth a line inside the running phase (a component started, a figure measured). */
    public synchronized void note(String message) {
        print("  " + message);
    }

    /** Says the running phase still runs when it has been silent for the heartbeat; the ticker calls it. */
    synchronized void tick() {
        Instant now = clock.instant();
        if (phase != null && !heartbeat.isZero() && Duration.between(lastPrinted, now).compareTo(heartbeat) >= 0) {
            print(phase + " still running (" + seconds(Duration.between(phaseStarted, now)) + ")");
        }
    }

    private void end(String how, String detail) {
        if (phase == null) {
            return;
        }
        String name = phase;
        phase = null;
        print(name + " " + how + " " + seconds(Duration.between(phaseStarted, clock.instant()))
                + (detail == null || detail.isBlank() ? "" : ": " + detail));
    }

    private void print(String text) {
        lastPrinted = clock.instant();
        out.println(String.format(Locale.ROOT, "%s [%7s] %s", command, seconds(Duration.between(begun, lastPrinted)), text));
        out.flush();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Stops the heartbeat; a phase still running was cut short (an exception), and says so rather than "done". */
    @Override
    public synchronized void close() {
        end("stopped after", "");
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
