package dev.paymentsdr.payments.application;

import dev.paymentsdr.payments.port.out.PaymentEventPublisher;
import dev.paymentsdr.payments.port.out.PaymentOutboxPort;
import dev.paymentsdr.payments.port.out.TransactionLogArchive;
import java.util.Objects;

/**
 * Moves recorded payment events out of the outbox: into the transaction-log archive first (the reconciliation
 * record), then onto the event bus, and marks them relayed only after both took them. At least once: a failure
 * leaves the batch pending and the next pass sends it again, with the same event ids.
 */
public final class OutboxRelay {
    /** Events per pass: one archive object and at most ten PutEvents calls of ten entries. */
    public static final int DEFAULT_BATCH_SIZE = 100;

    private final PaymentOutboxPort outbox;
    private final PaymentEventPublisher publisher;
    private final TransactionLogArchive archive;
    private final int batchSize;

    public OutboxRelay(PaymentOutboxPort outbox, PaymentEventPublisher publisher, TransactionLogArchive archive,
                       int batchSize) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.archive = Objects.requireNonNull(archive, "archive");
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batch size must be from 1 to 1000, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** Events handed on in one batch at most. */
    public int batchSize() {
        return batchSize;
    }

    /** Relays one batch; returns how many events it relayed (0 when nothing was pending). */
    public int relayOnce() {
        return outbox.relayPending(batchSize, events -> {
            archive.append(events);
            publisher.publish(events);
        });
    }

    /** Relays batches until one is not full (the outbox is drained) or {@code maxBatches} ran; returns the total. */
    public int relayAvailable(int maxBatches) {
        int total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int relayed = relayOnce();
            total += relayed;
            if (relayed < batchSize) {
                break;
            }
        }
        return total;
    }
}
