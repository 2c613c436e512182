package dev.paymentsdr.lab.process;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Clean-up that must run when the JVM is stopped by Ctrl-C or SIGTERM (a drill's temporary lab, a half-started
 * lab). One shutdown hook runs the registered actions one after the other, the latest first, so an inner
 * clean-up (undo a half-finished 'up') finishes before an outer one (remove the whole drill lab).
 */
public final class ShutdownCleanup {
    private static final Deque<Registration> ACTIONS = new ArrayDeque<>();
    private static boolean hookInstalled;

    private ShutdownCleanup() {
    }

    /** A registered action; closing it unregisters it (the normal path, when the work finished by itself). */
    public static final class Registration implements AutoCloseable {
        private final String name;
        private final Runnable action;

        private Registration(String name, Runnable action) {
            this.name = name;
            this.action = action;
        }

        @Override
        public void close() {
            synchronized (ACTIONS) {
                ACTIONS.remove(this);
            }
        }
    }

    /** Registers an action to run if the JVM is stopped before the returned registration is closed. */
    public static Registration register(String name, Runnable action) {
        synchronized (ACTIONS) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(ShutdownCleanup::runAll, "shutdown-cleanup"));
                hookInstalled = true;
            }
            Registration registration = new Registration(name, action);
            ACTIONS.push(registration);
            return registration;
        }
    }

    private static void runAll() {
        while (true) {
            Registration next;
            synchronized (ACTIONS) {
                next = ACTIONS.poll();
            }
            if (next == null) {
                return;
            }
            try {
                System.err.println("interrupted: " + next.name);
                next.action.run();
            } catch (RuntimeException e) {
                System.err.println("interrupted: " + next.name + " failed: " + e.getMessage());
            }
        }
    }
}
