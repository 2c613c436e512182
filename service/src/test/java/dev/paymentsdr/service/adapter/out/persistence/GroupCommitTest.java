package dev.paymentsdr.service.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    private final ExecutorService callers = Executors.newFixedThreadPool(12);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void givenALoneCaller_thenItWritesItsOwnItemOnItsOwnThread() {
        List<String> writerThreads = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, String> commit = new GroupCommit<>(batch -> {
            writerThreads.add(Thread.currentThread().getName());
            return batch.stream().map(i -> GroupCommit.Result.of("done " + i)).toList();
        }, 2, 64);

        assertThat(commit.submit(7)).isEqualTo("done 7");
        assertThat(writerThreads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void givenCallersArrivingWhileTheWriterIsBusy_thenTheyGoTogetherInTheNextBatchAndEachGetsItsOwnResult() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(batch -> {
            batches.add(List.copyOf(batch));
            if (batches.size() == 1) {
                firstBatchStarted.countDown();
                await(releaseFirstBatch);
            }
            return batch.stream().map(i -> GroupCommit.Result.of(i * 10)).toList();
        }, 1, 64);

        Future<Integer> first = callers.submit(() -> commit.submit(0));
        assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> waiting = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int item = i;
            waiting.add(callers.submit(() -> commit.submit(item)));
        }
        awaitQueued(commit, 10);
        releaseFirstBatch.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (int i = 1; i <= 10; i++) {
            assertThat(waiting.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aBatchNeverHoldsMoreThanTheLimit() throws Exception {
        AtomicInteger largest = new AtomicInteger();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(batch -> {
            largest.accumulateAndGet(batch.size(), Math::max);
            pause(2);
            return batch.stream().map(GroupCommit.Result::of).toList();
        }, 1, 3);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int item = i;
            results.add(callers.submit(() -> commit.submit(item)));
        }
        for (int i = 0; i < 40; i++) {
            assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(largest.get()).isBetween(2, 3);
    }

    @Test
    void givenAFailureOfOneItem_thenOnlyThatCallerGetsIt() {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(batch -> batch.stream()
                .map(i -> i == 2 ? GroupCommit.Result.<Integer>failed(new IllegalStateException("item 2 refused"))
                        : GroupCommit.Result.of(i)).toList(), 1, 64);

        assertThat(commit.submit(1)).isEqualTo(1);
        assertThatThrownBy(() -> commit.submit(2)).hasMessage("item 2 refused");
    }

    @Test
    void givenAWriteThatThrows_thenEveryCallerOfTheBatchGetsTheFailure() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(batch -> {
            if (writes.incrementAndGet() == 1) {
                firstBatchStarted.countDown();
                await(releaseFirstBatch);
                return batch.stream().map(GroupCommit.Result::of).toList();
            }
            throw new IllegalStateException("database gone");
        }, 1, 64);
        Future<Integer> first = callers.submit(() -> commit.submit(0));
        assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Integer> second = callers.submit(() -> commit.submit(1));
        Future<Integer> third = callers.submit(() -> commit.submit(2));
        awaitQueued(commit, 2);
        releaseFirstBatch.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (Future<Integer> failed : List.of(second, third)) {
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        }
        assertThat(writes.get()).isEqualTo(2);
    }

    @Test
    void anInterruptedCallerStillGetsItsResultAndKeepsItsInterrupt() {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(batch -> batch.stream().map(GroupCommit.Result::of).toList(), 1, 64);
        Thread.currentThread().interrupt();
        try {
            assertThat(commit.submit(5)).isEqualTo(5);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    /** Waits until this many callers wait in the queue (they are queued before they park). */
    private static void awaitQueued(GroupCommit<?, ?> commit, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commit.queued() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + commit.queued() + " of " + count + " callers queued");
            }
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
