package dev.paymentsdr.lab.drill;

/**
 * One moment of a drill run.
 *
 * @param name   fault, detected, fenced, promoted, switched, validated, recovered...
 * @param atMs   milliseconds since the run's time origin
 * @param detail what happened, in words
 */
public record TimelineEvent(String name, double atMs, String detail) {
}
