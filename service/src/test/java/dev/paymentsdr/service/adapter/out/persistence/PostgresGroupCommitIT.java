package dev.paymentsdr.service.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.payments.application.CreatePaymentService;
import dev.paymentsdr.payments.domain.model.AmountPolicy;
import dev.paymentsdr.payments.domain.model.CurrencyCode;
import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.Metadata;
import dev.paymentsdr.payments.port.in.CreatePaymentCommand;
import dev.paymentsdr.payments.port.in.CreatePaymentResult;
import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent payments sharing PostgreSQL transactions: each answered after its commit, keys still decide once. */
class PostgresGroupCommitIT {
    private static final AmountPolicy POLICY = new AmountPolicy(new BigDecimal("1000000"));
    private static TemporaryPostgres pg;
    private static HikariDataSource pool;
    private static SchemaMigrator migrator;

    private final AtomicInteger largestBatch = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private final ExecutorService callers = Executors.newFixedThreadPool(16);
    private CreatePaymentService payments;

    @BeforeAll
    static void start() {
        pg = TemporaryPostgres.start();
        pool = DataSources.pool(pg.jdbcUrl(), pg.username(), pg.password(), 8, "group-commit-it");
        migrator = new SchemaMigrator(pool, SqlDialect.forUrl(pg.jdbcUrl()).orElseThrow());
        migrator.ensureMigrated();
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void ledgerWithOneWriter() {
        pg.server().execute("postgres", "TRUNCATE payments, idempotency_records, payment_outbox");
        // One writer: every payment that arrives while a transaction is open waits for the next one.
        JdbcPaymentLedger ledger = new JdbcPaymentLedger(pool, migrator, payment -> "{\"id\":\"" + payment.id() + "\"}", 1,
                size -> {
                    largestBatch.accumulateAndGet(size, Math::max);
                    commits.incrementAndGet();
                });
        payments = new CreatePaymentService(ledger, Clock.systemUTC(), UUID::randomUUID, "us-east-1");
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void givenManyConcurrentPaymentsAndRepeatsOfOneKey_thenTheyShareTransactionsAndEveryKeyIsRecordedOnce() throws Exception {
        List<Future<CreatePaymentResult>> distinct = new ArrayList<>();
        List<Future<CreatePaymentResult>> repeats = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 150; i++) {
            String key = "key-" + i;
            distinct.add(callers.submit(() -> {
                go.await();
                return payments.create(command(key, "c1", "10.00"));
            }));
            if (i % 10 == 0) {
                repeats.add(callers.submit(() -> {
                    go.await();
                    return payments.create(command("shared", "c2", "5.00"));
                }));
            }
        }
        go.countDown();

        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        for (Future<CreatePaymentResult> result : distinct) {
            CreatePaymentResult created = result.get(60, TimeUnit.SECONDS);
            assertThat(created.replayed()).isFalse();
            ids.add(created.payment().id().value());
        }
        Set<UUID> sharedIds = new java.util.HashSet<>();
        long replayed = 0;
        for (Future<CreatePaymentResult> result : repeats) {
            CreatePaymentResult created = result.get(60, TimeUnit.SECONDS);
            sharedIds.add(created.payment().id().value());
            replayed += created.replayed() ? 1 : 0;
        }
        assertThat(ids).hasSize(150);
        assertThat(sharedIds).hasSize(1);
        assertThat(replayed).isEqualTo(repeats.size() - 1);
        assertThat(count("payments")).isEqualTo(151);
        assertThat(count("idempotency_records")).isEqualTo(151);
        assertThat(count("payment_outbox")).isEqualTo(151);
        assertThat(largestBatch.get()).as("payments in the largest transaction").isGreaterThan(1);
        assertThat(commits.get()).as("transactions that committed payments").isLessThan(151);
    }

    @Test
    void givenAPaymentTheDatabaseRefusesInABatch_thenOnlyItFailsAndTheOthersAreRecorded() throws Exception {
        pg.server().execute("postgres", """
                CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'poisoned customer'; END $$""",
                "CREATE TRIGGER refuse_poison BEFORE INSERT ON payments FOR EACH ROW"
                        + " WHEN (NEW.customer_id = 'poison') EXECUTE FUNCTION refuse_poison()");
        try {
            List<Future<CreatePaymentResult>> good = new ArrayList<>();
            List<Future<CreatePaymentResult>> poisoned = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 60; i++) {
                String key = "k-" + i;
                boolean poison = i % 20 == 7;
                (poison ? poisoned : good).add(callers.submit(() -> {
                    go.await();
                    return payments.create(command(key, poison ? "poison" : "fine", "1.00"));
                }));
            }
            go.countDown();

            for (Future<CreatePaymentResult> result : good) {
                assertThat(result.get(60, TimeUnit.SECONDS).replayed()).isFalse();
            }
            for (Future<CreatePaymentResult> result : poisoned) {
                assertThatThrownBy(() -> result.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasStackTraceContaining("poisoned customer");
            }
            assertThat(count("payments")).isEqualTo(good.size());
            assertThat(count("payment_outbox")).isEqualTo(good.size());
            assertThat(scalar("SELECT count(*) FROM payments WHERE customer_id = 'poison'")).isZero();
        } finally {
            pg.server().execute("postgres", "DROP TRIGGER refuse_poison ON payments", "DROP FUNCTION refuse_poison()");
        }
    }

    @Test
    void givenAReadOnlyDatabase_thenEveryPaymentOfABatchIsRefusedAsNotPrimaryAndNothingIsWritten() throws Exception {
        pg.server().execute("postgres", "ALTER SYSTEM SET default_transaction_read_only = on", "SELECT pg_reload_conf()");
        try {
            awaitReadOnlyPool();
            List<Future<CreatePaymentResult>> results = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 40; i++) {
                String key = "ro-" + i;
                results.add(callers.submit(() -> {
                    go.await();
                    return payments.create(command(key, "c1", "1.00"));
                }));
            }
            go.countDown();

            Set<String> reasons = ConcurrentHashMap.newKeySet();
            for (Future<CreatePaymentResult> result : results) {
                assertThatThrownBy(() -> result.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .satisfies(e -> {
                            assertThat(e.getCause()).isInstanceOf(LedgerUnavailableException.class);
                            reasons.add(((LedgerUnavailableException) e.getCause()).reason().name());
                        });
            }
            assertThat(reasons).containsExactly("NOT_PRIMARY");
            assertThat(count("payments")).isZero();
        } finally {
            pg.server().execute("postgres", "ALTER SYSTEM RESET default_transaction_read_only", "SELECT pg_reload_conf()");
        }
    }

    /** Pooled sessions see a reloaded setting at their next statement; wait until one does. */
    private static void awaitReadOnlyPool() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT current_setting('default_transaction_read_only')")) {
                rs.next();
                if ("on".equals(rs.getString(1))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the pool never saw default_transaction_read_only = on");
    }

    private static CreatePaymentCommand command(String key, String customer, String amount) {
        return new CreatePaymentCommand(new IdempotencyKey(key), new CustomerId(customer),
                POLICY.parse(amount, CurrencyCode.of("USD")), Optional.empty(), Metadata.empty());
    }

    private static long count(String table) throws Exception {
        return scalar("SELECT count(*) FROM " + table);
    }

    private static long scalar(String sql) throws Exception {
        try (Connection c = pg.server().connect("postgres"); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
