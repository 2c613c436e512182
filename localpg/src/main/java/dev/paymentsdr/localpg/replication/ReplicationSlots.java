package dev.paymentsdr.localpg.replication;

import dev.paymentsdr.localpg.PostgresServer;
import java.time.Duration;

/** Physical replication slots: a slot keeps the WAL its standby still needs, so a rejoin never finds it recycled. */
public final class ReplicationSlots {
    private ReplicationSlots() {
    }

    /**
     * Creates the slot on {@code server} unless it exists, reserving WAL from now on (not only from the first
     * connection, which may come after the WAL it needs was recycled).
     */
    public static void ensure(PostgresServer server, String slot, Duration timeout) {
        if (!slot.matches("[a-z0-9_]{1,63}")) {
            throw new IllegalArgumentException("slot names are 1..63 of a-z, 0-9 and '_', was '" + slot + "'");
        }
        server.execute("postgres", timeout, "select pg_create_physical_replication_slot('" + slot + "', true)"
                + " where not exists (select 1 from pg_replication_slots where slot_name = '" + slot + "')");
    }
}
