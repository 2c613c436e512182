package dev.paymentsdr.service.testing;

/** Test teardown: closes everything given, in order, skipping nulls and going on past failures. */
public final class Closeables {
    private Closeables() {
    }

    public static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("teardown: closing " + resource.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }
}
