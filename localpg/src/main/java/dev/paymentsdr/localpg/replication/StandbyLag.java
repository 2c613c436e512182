package dev.paymentsdr.localpg.replication;

import java.time.Duration;

/**
 * How far a standby is behind, as one server measured it.
 *
 * @param delay             time the replayed data is behind (zero when nothing is outstanding)
 * @param bytes             WAL bytes written (or received) but not replayed yet
 * @param synchronous       the primary counts it as its synchronous standby and it streams
 * @param measuredAtPrimary true when the primary answered; false for the standby's own view
 */
public record StandbyLag(Duration delay, long bytes, boolean synchronous, boolean measuredAtPrimary) {
}
