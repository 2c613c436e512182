package dev.paymentsdr.service.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.health.ReadinessReport;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness against a real PostgreSQL that crashes, restarts and freezes: a refused connection answers not ready at
 * once, a frozen database after the bounded wait, and a restarted one is ready again at the first check.
 */
class JdbcReadinessProbeIT {
    /** The payment pool's connection timeout: what a readiness check through a pool waits for a refused database. */
    private static final Duration POOL_WAIT = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(1);

    private TemporaryPostgres pg;
    private HikariDataSource pool;
    private JdbcReadinessProbe readiness;

    /** Statements the readiness check created; while {@link #gate} is closed each waits for it (a slow database). */
    private final AtomicInteger statements = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    @BeforeEach
    void start() {
        pg = TemporaryPostgres.start();
        pool = DataSources.pool(pg.jdbcUrl(), pg.username(), pg.password(), 2, "readiness-it");
        SchemaMigrator migrator = new SchemaMigrator(pool, SqlDialect.forUrl(pg.jdbcUrl()).orElseThrow());
        DataSource direct = DataSources.direct(pg.jdbcUrl(), pg.username(), pg.password(), "readiness-it");
        readiness = new JdbcReadinessProbe(new DelegatingDataSource(direct, this::slowed), migrator, WAIT);
    }

    /** The real connection, whose statements wait at the gate first. */
    private Connection slowed(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                        gate.await(10, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        signalPostgres("-CONT");
        readiness.close();
        pool.close();
        pg.close();
    }

    @Test
    void givenACrashedDatabase_thenEveryCheckAnswersNotReadyAtOnceInsteadOfAfterThePoolsConnectionTimeout() {
        assertThat(readiness.check().isReady()).isTrue();

        pg.server().kill();

        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            ReadinessReport report = readiness.check();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(report.isReady()).isFalse();
            assertThat(report.notReadyReason()).hasValueSatisfying(r -> assertThat(r).startsWith("database unreachable"));
            // the first check finds the kept connection broken, the next ones are refused: none waits like a pool
            assertThat(took).as("check %d", i).isLessThan(POOL_WAIT.dividedBy(2));
        }
    }

    @Test
    void givenARestartedDatabase_thenTheBrokenKeptConnectionIsReplacedAndTheFirstCheckIsReady() {
        assertThat(readiness.check().isReady()).isTrue();

        pg.server().stop();
        pg.server().start();

        assertThat(readiness.check().isReady()).isTrue();
    }

    @Test
    void givenAFrozenDatabase_thenTheCheckWaitsItsBoundedTimeAndAnswersNotReady() throws Exception {
        assertThat(readiness.check().isReady()).isTrue();

        signalPostgres("-STOP");
        long started = System.nanoTime();
        ReadinessReport report = readiness.check();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(report.isReady()).isFalse();
        // a slow database is not declared dead before its wait is over, and nobody waits for it much longer
        assertThat(took).isGreaterThanOrEqualTo(WAIT.minusMillis(50)).isLessThan(WAIT.multipliedBy(8));

        signalPostgres("-CONT");
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness.check().isReady());
    }

    @Test
    void givenChecksSideBySideOnASlowDatabase_thenTheyShareOneQueryInsteadOfQueueingBehindEachOther() throws Exception {
        assertThat(readiness.check().isReady()).isTrue();
        statements.set(0);
        gate = new CountDownLatch(1);
        ExecutorService probes = Executors.newFixedThreadPool(3);
        try {
            List<Future<ReadinessReport>> reports = new ArrayList<>();
            List<Thread> threads = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 3; i++) {
                reports.add(probes.submit(() -> {
                    threads.add(Thread.currentThread());
                    return readiness.check();
                }));
            }
            // all three have arrived: one waits in its query, two wait for it
            await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() == 3 && statements.get() >= 1
                    && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.TIMED_WAITING));
            gate.countDown();

            for (Future<ReadinessReport> report : reports) {
                assertThat(report.get(10, TimeUnit.SECONDS).isReady()).isTrue();
            }
            assertThat(statements).hasValue(1);
        } finally {
            gate.countDown();
            probes.shutdownNow();
        }
    }

    /** Sends a signal to the postmaster and every backend of this test's server (SIGSTOP freezes it like a hung host). */
    private void signalPostgres(String signal) throws IOException, InterruptedException {
        if (pg == null || pg.server().pid().isEmpty()) {
            return;
        }
        long postmaster = pg.server().pid().get();
        List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(postmaster)));
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> command.add(Long.toString(d.pid()))));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS)) {
            kill.destroyForcibly();
            throw new IllegalStateException("kill " + signal + " did not end within 10 s");
        }
    }
}
