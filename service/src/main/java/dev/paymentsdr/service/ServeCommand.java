package dev.paymentsdr.service;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the payment HTTP service of one region until SIGTERM or Ctrl-C. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        version = "payments service 0.1.0",
        description = "Run the payment HTTP service of one region (flags also from PAYMENTS_* environment variables). "
                + "The DynamoDB ledger, the event bus and an S3 archive use the AWS SDK's usual credentials and "
                + "endpoint settings (AWS_ENDPOINT_URL points them at an emulator).",
        footer = {"", "The database password comes only from the environment variable PAYMENTS_DB_PASSWORD or from "
                + "--db-password-file; it is never a flag value and never logged."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--region", paramLabel = "NAME",
            description = "Region name, 2-32 of [a-z0-9-], e.g. us-east-1 (env PAYMENTS_REGION; required).")
    String region;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port, 0 = any free port (env PAYMENTS_PORT; default 8080).")
    String port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (env PAYMENTS_BIND; default 127.0.0.1; containers use 0.0.0.0).")
    String bind;

    @Option(names = "--ledger", paramLabel = "jdbc|dynamodb",
            description = "Where payments are kept: jdbc (the database of --db-url) or dynamodb (the table of --table) "
                    + "(env PAYMENTS_LEDGER; default: jdbc, or dynamodb when only a table is given).")
    String ledger;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "jdbc:postgresql://host:port/db or jdbc:mysql://host:port/db; jdbc:aws-wrapper:postgresql:// or "
                    + "jdbc:aws-wrapper:mysql:// for Aurora (env PAYMENTS_DB_URL; required by --ledger jdbc).")
    String dbUrl;

    @Option(names = "--table", paramLabel = "NAME",
            description = "DynamoDB table of --ledger dynamodb, in the region of --region (env PAYMENTS_TABLE).")
    String table;

    @Option(names = "--event-bus", paramLabel = "NAME_OR_ARN",
            description = "EventBridge bus for payment events (env PAYMENTS_EVENT_BUS; default: events are only logged).")
    String eventBus;

    @Option(names = "--archive", paramLabel = "DIR|s3://BUCKET/PREFIX",
            description = "Transaction-log archive: a directory, or an S3 bucket and prefix (env PAYMENTS_ARCHIVE, else "
                    + "PAYMENTS_BUCKET as s3://BUCKET/transaction-log; default: none).")
    String archive;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (env PAYMENTS_DB_USER).")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File whose first line is the database password (env PAYMENTS_DB_PASSWORD_FILE).")
    Path dbPasswordFile;

    /** Caught only to refuse it without echoing the value: a flag would leak the password into shell history and ps. */
    @Option(names = {"--db-password", "--password"}, hidden = true, paramLabel = "IGNORED")
    String refusedPasswordFlag;

    @Option(names = "--db-pool-size", paramLabel = "N",
            description = "Database connections, 1-200 (env PAYMENTS_DB_POOL_SIZE; default 10).")
    String dbPoolSize;

    @CommandLine.Mixin
    RequestLimitOptions limitOptions = new RequestLimitOptions();

    @Option(names = "--max-amount", paramLabel = "AMOUNT",
            description = "Largest accepted payment in major units (env PAYMENTS_MAX_AMOUNT; default 1000000).")
    String maxAmount;

    private final Map<String, String> environment;

    /** Reads defaults from the process environment. */
    public ServeCommand() {
        this(System.getenv());
    }

    /** Reads defaults from the given environment (tests). */
    public ServeCommand(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig config = config();
        RequestLimits limits = limits();
        LOG.info("starting the payment service: {}, {}", config, limits); // toString leaves the password out
        PaymentHttpServer server;
        try {
            server = PaymentHttpServer.start(config, limits);
        } catch (RuntimeException e) {
            LOG.error("payment service could not start: {}", e.getMessage());
            spec.commandLine().getErr().println("serve: cannot start the payment service: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("shutdown requested: draining in-flight requests, then closing the database pool");
            server.close();
            stopped.countDown();
        }, "payments-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // No plain text on stdout: it carries only JSON log lines (the "listening" line is logged by the server).
        stopped.await();
        return 0;
    }

    /** The validated configuration: flags first, then PAYMENTS_* variables, then defaults. */
    ServiceConfig config() {
        try {
            if (refusedPasswordFlag != null) {
                throw new ConfigException("the database password is not accepted as a flag (it would show in shell history "
                        + "and process lists); set PAYMENTS_DB_PASSWORD or use --db-password-file FILE");
            }
            String password = environment.get(ServiceLaunch.PASSWORD_VARIABLE);
            Path passwordFile = dbPasswordFile != null ? dbPasswordFile
                    : blankToNull(environment.get("PAYMENTS_DB_PASSWORD_FILE")) == null ? null
                    : Path.of(environment.get("PAYMENTS_DB_PASSWORD_FILE"));
            if (passwordFile != null) {
                password = ServiceConfig.readPasswordFile(passwordFile);
            }
            return new ServiceConfig(
                    require(pick(region, "PAYMENTS_REGION"), "--region", "PAYMENTS_REGION"),
                    orDefault(pick(bind, "PAYMENTS_BIND"), ServiceConfig.DEFAULT_BIND),
                    ServiceConfig.parseInt("--port", pick(port, "PAYMENTS_PORT"), ServiceConfig.DEFAULT_PORT),
                    pick(dbUrl, "PAYMENTS_DB_URL"),
                    pick(dbUser, "PAYMENTS_DB_USER"),
                    password,
                    ServiceConfig.parseInt("--db-pool-size", pick(dbPoolSize, "PAYMENTS_DB_POOL_SIZE"),
                            ServiceConfig.DEFAULT_POOL_SIZE),
                    maxAmount(),
                    ServiceConfig.backendsFromEnvironment(environment, ledger, dbUrl, table, eventBus, archive));
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "serve: " + e.getMessage());
        }
    }

    /** The validated request limits: flags first, then PAYMENTS_* variables, then defaults. */
    RequestLimits limits() {
        try {
            return limitOptions.limits(environment);
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "serve: " + e.getMessage());
        }
    }

    private BigDecimal maxAmount() {
        return ServiceConfig.parseAmount("--max-amount", pick(maxAmount, "PAYMENTS_MAX_AMOUNT"));
    }

    private String pick(String flag, String variable) {
        return flag != null ? flag : blankToNull(environment.get(variable));
    }

    private static String require(String value, String flag, String variable) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(flag + " is required (or set " + variable + ")");
        }
        return value;
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null ? defaultValue : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
