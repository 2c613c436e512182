package dev.paymentsdr.service.adapter.out.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Group commit: concurrent callers queue their item, and up to {@code writers} of them at a time become the writer of
 * whatever is queued (usually their own item among it), write it as one batch and hand every other caller its result.
 * A caller alone writes its own item at once, on its own thread; under load, the items that arrive while every writer
 * is busy go together in the next batch. No caller gets a result before the write of its batch has returned.
 *
 * @param <T> what a caller writes
 * @param <R> what it gets back
 */
final class GroupCommit<T, R> {
    /** A waiting caller looks again this often even without a wake-up: a safety net, never the normal path. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** One item's result: a value, or the failure that only this item met. */
    record Result<R>(R value, RuntimeException failure) {
        static <R> Result<R> of(R value) {
            return new Result<>(Objects.requireNonNull(value, "value"), null);
        }

        static <R> Result<R> failed(RuntimeException failure) {
            return new Result<>(null, Objects.requireNonNull(failure, "failure"));
        }

        R get() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    private static final class Pending<T, R> {
        final T item;
        final Thread caller;
        volatile Result<R> result;

        Pending(T item, Thread caller) {
            this.item = item;
            this.caller = caller;
        }
    }

    private final Function<List<T>, List<Result<R>>> writeBatch;
    private final Semaphore writers;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();

    /**
     * @param writeBatch writes a batch and returns one result per item, in order; an exception it throws is every
     *                   item's result
     * @param writers    batches written at the same time (each holds one database connection while it runs)
     * @param maxBatch   items in one batch at most
     */
    GroupCommit(Function<List<T>, List<Result<R>>> writeBatch, int writers, int maxBatch) {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("writers and maxBatch must be at least 1, were " + writers + " and " + maxBatch);
        }
        this.writeBatch = Objects.requireNonNull(writeBatch, "writeBatch");
        this.writers = new Semaphore(writers);
        this.maxBatch = maxBatch;
    }

    /** Writes the item, alone or with others, and returns its result once its batch is written. */
    R submit(T item) {
        Pending<T, R> mine = new Pending<>(item, Thread.currentThread());
        queue.add(mine);
        boolean interrupted = false;
        try {
            while (mine.result == null) {
                if (writers.tryAcquire()) {
                    try {
                        writeQueued();
                    } finally {
                        writers.release();
                        wakeNextInLine();
                    }
                } else {
                    // Every wait is bounded: a writer's batch is bounded by the pool's connection and socket timeouts.
                    LockSupport.parkNanos(this, RECHECK_NANOS);
                    // The item may already be in a batch in flight, so it cannot be withdrawn: wait, keep the interrupt.
                    interrupted |= Thread.interrupted();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return mine.result.get();
    }

    /** Callers whose item waits for a writer (for tests and diagnostics). */
    int queued() {
        return queue.size();
    }

    private void writeQueued() {
        List<Pending<T, R>> batch = new ArrayList<>(Math.min(maxBatch, 16));
        Pending<T, R> next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<T> items = new ArrayList<>(batch.size());
        batch.forEach(p -> items.add(p.item));
        List<Result<R>> results;
        try {
            results = writeBatch.apply(items);
            if (results.size() != batch.size()) {
                throw new IllegalStateException("a batch of " + batch.size() + " gave " + results.size() + " results");
            }
        } catch (RuntimeException e) {
            results = Collections.nCopies(batch.size(), Result.failed(e));
        } catch (Error e) {
            complete(batch, Collections.nCopies(batch.size(),
                    Result.failed(new IllegalStateException("writing the batch failed: " + e, e))));
            throw e;
        }
        complete(batch, results);
    }

    private static <T, R> void complete(List<Pending<T, R>> batch, List<Result<R>> results) {
        Thread self = Thread.currentThread();
        for (int i = 0; i < batch.size(); i++) {
            Pending<T, R> pending = batch.get(i);
            pending.result = results.get(i);
            if (pending.caller != self) {
                LockSupport.unpark(pending.caller);
            }
        }
    }

    /** A writer slot came free: the caller at the head of the queue becomes the next writer. */
    private void wakeNextInLine() {
        Pending<T, R> head = queue.peek();
        if (head != null && head.caller != Thread.currentThread()) {
            LockSupport.unpark(head.caller);
        }
    }
}
