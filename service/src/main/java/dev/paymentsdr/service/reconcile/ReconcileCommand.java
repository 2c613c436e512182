package dev.paymentsdr.service.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paymentsdr.payments.application.ReconcileService;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.port.in.MissingPayment;
import dev.paymentsdr.payments.port.in.ReconcileReport;
import dev.paymentsdr.payments.port.out.TransactionLogReader;
import dev.paymentsdr.service.ConfigException;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.backend.AdapterCatalog;
import dev.paymentsdr.service.backend.ArchiveLocation;
import dev.paymentsdr.service.backend.LedgerAdapters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reconcile}: after a failover, compares the transaction-log archive (everything the regions acknowledged
 * and archived) with the new primary's ledger, and lists the acknowledged payments the ledger lacks with the time
 * span they cover: the recovery point, as evidence.
 */
@Command(name = "reconcile",
        mixinStandardHelpOptions = true,
        description = {"List the archived (acknowledged) payments that the new primary's ledger lacks, with their time span.",
                "The archive is a directory (the lab: <lab>/archive/<region>) or s3://BUCKET/PREFIX (a region's "
                        + "transaction-log bucket, which replication fills from both regions). The ledger is named like "
                        + "'serve' names it (PAYMENTS_* variables too)."},
        footer = {"", "Exit codes: 0 the ledger holds every archived payment, 1 payments are missing, 2 usage error, "
                + "3 the archive or the ledger could not be read.",
                "Only what was archived can be found missing: payments acknowledged in the last relay interval "
                        + "(0.5 s) before a region was lost may not be in its archive."})
public final class ReconcileCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--archive", required = true, paramLabel = "DIR|s3://BUCKET/PREFIX",
            description = "The transaction-log archive to check.")
    String archive;

    @Option(names = "--region", paramLabel = "NAME",
            description = "Region of the ledger (the new primary) and of the bucket's client (env PAYMENTS_REGION).")
    String region;

    @Option(names = "--ledger", paramLabel = "jdbc|dynamodb", description = "As for serve (env PAYMENTS_LEDGER).")
    String ledger;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "The new primary's database (env PAYMENTS_DB_URL).")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (env PAYMENTS_DB_USER).")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File whose first line is the password (else env PAYMENTS_DB_PASSWORD).")
    Path dbPasswordFile;

    @Option(names = "--table", paramLabel = "NAME", description = "DynamoDB table of --ledger dynamodb (env PAYMENTS_TABLE).")
    String table;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First UTC day of the archive to read (default: two days ago).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last UTC day (default: today).")
    String to;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path json;

    private final Map<String, String> environment;

    public ReconcileCommand() {
        this(System.getenv());
    }

    /** Reads PAYMENTS_* defaults from the given environment (tests). */
    public ReconcileCommand(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ServiceConfig config;
        ArchiveLocation location;
        LocalDate first;
        LocalDate last;
        try {
            config = ledgerConfig();
            location = ArchiveLocation.parse("--archive", archive);
            last = day("--to", to, LocalDate.now(ZoneOffset.UTC));
            first = day("--from", from, last.minusDays(2));
            if (last.isBefore(first)) {
                throw new ConfigException("--to " + last + " is before --from " + first);
            }
            if (location instanceof ArchiveLocation.Directory dir && !Files.isDirectory(dir.path())) {
                throw new ConfigException("--archive " + dir.path() + " is not a directory");
            }
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "reconcile: " + e.getMessage());
        }
        ReconcileReport report;
        try {
            report = reconcile(config, location, first, last);
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "reconcile: " + e.getMessage());
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("reconcile: could not compare the archive with the ledger: " + e.getMessage());
            return 3;
        }
        print(out, report, location, config);
        if (json != null) {
            writeJson(report, location);
        }
        out.flush();
        return report.isComplete() ? 0 : 1;
    }

    private static ReconcileReport reconcile(ServiceConfig config, ArchiveLocation location, LocalDate first, LocalDate last) {
        AdapterCatalog adapters = AdapterCatalog.load();
        TransactionLogReader reader = adapters.archiveReader(config.region(), location);
        try (LedgerAdapters ledgerAdapters = adapters.ledger(config, payment -> "")) {
            return new ReconcileService(reader, ledgerAdapters.lookup()).reconcile(first, last);
        } finally {
            if (reader instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // a client that fails to close changes nothing in the report
                }
            }
        }
    }

    /** The ledger's settings through the same parser as the service: flags become PAYMENTS_* values. */
    private ServiceConfig ledgerConfig() {
        Map<String, String> env = new HashMap<>(environment);
        put(env, "PAYMENTS_REGION", region);
        put(env, "PAYMENTS_LEDGER", ledger);
        put(env, "PAYMENTS_DB_URL", dbUrl);
        put(env, "PAYMENTS_DB_USER", dbUser);
        put(env, "PAYMENTS_TABLE", table);
        if (dbPasswordFile != null) {
            env.remove("PAYMENTS_DB_PASSWORD");
            env.put("PAYMENTS_DB_PASSWORD_FILE", dbPasswordFile.toString());
        }
        env.put("PAYMENTS_DB_POOL_SIZE", "2");
        env.put("PAYMENTS_RELAY", "off");
        // Reconciliation reads the ledger only: the service's own archive and bus settings do not apply.
        env.remove("PAYMENTS_ARCHIVE");
        env.remove("PAYMENTS_BUCKET");
        env.remove("PAYMENTS_EVENT_BUS");
        if (env.get("PAYMENTS_REGION") == null || env.get("PAYMENTS_REGION").isBlank()) {
            throw new ConfigException("--region is required (or set PAYMENTS_REGION): the region of the new primary's ledger");
        }
        return ServiceConfig.fromEnvironment(env);
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }

    private static LocalDate day(String flag, String text, LocalDate otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException(flag + " must be a day such as 2026-11-25, got '" + text + "'");
        }
    }

    private static void print(PrintWriter out, ReconcileReport report, ArchiveLocation location, ServiceConfig config) {
        out.printf("archive   %s, days %s to %s: %d entries%n", location, report.from(), report.to(), report.archivedEntries());
        out.printf("ledger    %s in %s%n", describe(config), config.region());
        if (report.isComplete()) {
            out.println("result    complete: the ledger holds every archived payment");
            return;
        }
        out.printf("result    %d acknowledged payment(s) missing, created %s to %s (span %d ms)%n", report.missing().size(),
                report.firstMissingAt().orElseThrow(), report.lastMissingAt().orElseThrow(), report.missingSpan().toMillis());
        out.printf("%-27s  %-36s  %-24s  %-12s  %14s  %-9s  %s%n", "created", "payment", "idempotency key", "customer",
                "amount", "region", "key now holds");
        for (MissingPayment missing : report.missing()) {
            Payment p = missing.payment();
            out.printf("%-27s  %-36s  %-24s  %-12s  %14s  %-9s  %s%n", p.createdAt(), p.id(), p.idempotencyKey(),
                    p.customerId(), p.amount(), p.region(), missing.keyNowHolds().map(Object::toString).orElse("-"));
        }
    }

    private static String describe(ServiceConfig config) {
        return config.backends().table().map(t -> "DynamoDB table " + t)
                .orElseGet(() -> "database " + config.dbUrl().replaceAll("\\?.*", ""));
    }

    private void writeJson(ReconcileReport report, ArchiveLocation location) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("archive", location.toString());
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        root.put("archivedEntries", report.archivedEntries());
        root.put("complete", report.isComplete());
        root.put("missingCount", report.missing().size());
        report.firstMissingAt().ifPresent(t -> root.put("firstMissingAt", t.toString()));
        report.lastMissingAt().ifPresent(t -> root.put("lastMissingAt", t.toString()));
        root.put("missingSpanMs", report.missingSpan().toMillis());
        ArrayNode items = root.putArray("missing");
        for (MissingPayment missing : report.missing()) {
            Payment p = missing.payment();
            ObjectNode item = items.addObject();
            item.put("id", p.id().toString());
            item.put("idempotencyKey", p.idempotencyKey().value());
            item.put("customerId", p.customerId().value());
            item.put("amount", p.amount().toDecimalString());
            item.put("currency", p.amount().currency().code());
            item.put("region", p.region());
            item.put("createdAt", p.createdAt().toString());
            missing.keyNowHolds().ifPresent(id -> item.put("keyNowHolds", id.toString()));
        }
        Files.writeString(json, mapper.writeValueAsString(root) + "\n");
    }
}
