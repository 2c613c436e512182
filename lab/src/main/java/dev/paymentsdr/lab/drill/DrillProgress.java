package dev.paymentsdr.lab.drill;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Prints one line a second while a drill runs: run, phase, elapsed time, requests ok and failed. */
public final class DrillProgress implements AutoCloseable {
    private final PrintStream out;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drill-progress");
        t.setDaemon(true);
        return t;
    });
    private volatile String run = "";
    private volatile String phase = "starting";
    private volatile long startNanos = System.nanoTime();
    private volatile IntSupplier ok = () -> 0;
    private volatile IntSupplier failed = () -> 0;

    public DrillProgress(PrintStream out) {
        this.out = out;
        ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    /** A new run starts: the clock and counters restart. */
    public void run(int number, int of) {
        run = "run " + number + "/" + of;
        startNanos = System.nanoTime();
        ok = () -> 0;
        failed = () -> 0;
    }

    public void counters(IntSupplier ok, IntSupplier failed) {
        this.ok = ok;
        this.failed = failed;
    }

    /** Changes the phase and prints it at once. */
    public void phase(String phase) {
        this.phase = phase;
        print();
    }

    /** Prints a one-off message (lab start-up steps, results). */
    public void say(String message) {
        out.println("  " + message);
    }

    private void print() {
        out.println(String.format(Locale.ROOT, "[%s] %-28s %6.1f s  ok %6d  failed %6d", run, phase,
                (System.nanoTime() - startNanos) / 1e9, ok.getAsInt(), failed.getAsInt()));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
