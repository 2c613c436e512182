package dev.paymentsdr.service.backend;

import dev.paymentsdr.service.ConfigException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where one service instance keeps and sends its payments: the ledger, and the two destinations of its outbox.
 *
 * @param ledger          JDBC (PostgreSQL or MySQL, by the database URL) or DynamoDB
 * @param table           the DynamoDB table; required by and only used by the DynamoDB ledger
 * @param eventBus        EventBridge bus name or ARN for payment events; empty: events are only logged (DEBUG)
 * @param archive         the transaction-log archive; empty: none is written
 * @param backgroundRelay whether this process relays its outbox on a background thread (Lambda API functions do
 *                        not: a frozen execution environment must not hold a relay transaction open)
 */
public record Backends(LedgerKind ledger, Optional<String> table, Optional<String> eventBus,
                       Optional<ArchiveLocation> archive, boolean backgroundRelay) {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern BUS = Pattern.compile("[A-Za-z0-9._/:-]{1,1600}");

    public Backends {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(eventBus, "eventBus");
        Objects.requireNonNull(archive, "archive");
        table.ifPresent(name -> {
            if (!TABLE.matcher(name).matches()) {
                throw new ConfigException("table must be a DynamoDB table name of 3-255 characters of A-Z, a-z, 0-9, "
                        + "'_', '.' or '-', got '" + name + "'");
            }
        });
        if (ledger == LedgerKind.DYNAMODB && table.isEmpty()) {
            throw new ConfigException("--ledger dynamodb needs the table: --table NAME (or PAYMENTS_TABLE)");
        }
        eventBus.ifPresent(bus -> {
            if (!BUS.matcher(bus).matches()) {
                throw new ConfigException("event bus must be an EventBridge bus name or ARN (A-Z, a-z, 0-9, '.', '_', '-', '/', ':'),"
                        + " got '" + bus + "'");
            }
        });
    }

    /** A JDBC ledger with nothing else: what a bare {@code --db-url} means. */
    public static Backends jdbcOnly() {
        return new Backends(LedgerKind.JDBC, Optional.empty(), Optional.empty(), Optional.empty(), true);
    }

    /**
     * The ledger when none is named: JDBC when a database is given, DynamoDB when only a table is (a DynamoDB-only
     * stack sets PAYMENTS_TABLE and no database), otherwise JDBC (whose missing URL is then reported).
     */
    public static LedgerKind inferLedger(Optional<String> named, boolean databaseGiven, boolean tableGiven, String setting) {
        if (named.isPresent()) {
            return LedgerKind.parse(setting, named.get());
        }
        return !databaseGiven && tableGiven ? LedgerKind.DYNAMODB : LedgerKind.JDBC;
    }
}
