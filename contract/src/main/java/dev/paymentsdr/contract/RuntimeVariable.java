package dev.paymentsdr.contract;

import java.util.Locale;

/**
 * Every environment variable the stacks may set for the runtime, named exactly as the variable (so the name is
 * written once), with the format the runtime accepts. The stacks set only these; the runtime's parsers read only
 * these; tests on both sides hold them to it.
 */
public enum RuntimeVariable {
    // the payment service (container, API and queue functions)
    PAYMENTS_REGION("the region's name: 2-32 of a-z, 0-9, '-', such as us-east-1 (functions default to AWS_REGION)"),
    PAYMENTS_PORT("HTTP port 0-65535 (0: any free port)"),
    PAYMENTS_BIND("address to listen on, such as 0.0.0.0"),
    PAYMENTS_DB_URL("JDBC URL of the ledger database: jdbc:postgresql://, jdbc:mysql:// or, for Aurora, the AWS Advanced"
            + " JDBC Wrapper's jdbc:aws-wrapper:postgresql:// or jdbc:aws-wrapper:mysql://; never with a password"),
    PAYMENTS_DB_USER("database user"),
    PAYMENTS_DB_PASSWORD("database password (containers: injected from the secret, never a plain value in a template)"),
    PAYMENTS_DB_PASSWORD_FILE("file whose first line is the database password"),
    PAYMENTS_DB_SECRET_ARN("ARN of the Secrets Manager secret with the database username and password (and host, port,"
            + " dbname, engine: the endpoint when PAYMENTS_DB_URL is not set)"),
    PAYMENTS_API_KEYS_SECRET_ARN("ARN (or name) of the Secrets Manager secret holding the clients' API keys, a JSON object of"
            + " key id -> key (each key 32-512 characters); set only for the load balancer entry function, which then refuses"
            + " requests without a known x-api-key header"),
    PAYMENTS_DB_POOL_SIZE("database connections, 1-200"),
    PAYMENTS_MAX_AMOUNT("largest payment in major units, a positive decimal such as 1000000"),
    PAYMENTS_LEDGER("jdbc or dynamodb (default: jdbc with a database, dynamodb with only PAYMENTS_TABLE)"),
    PAYMENTS_TABLE("DynamoDB table of the dynamodb ledger: 3-255 of A-Z a-z 0-9 _ . -"),
    PAYMENTS_EVENT_BUS("EventBridge bus name or ARN for payment events"),
    PAYMENTS_ARCHIVE("transaction-log archive: a directory, or s3://BUCKET/PREFIX"),
    PAYMENTS_BUCKET("the region's replicated bucket; the archive is s3://BUCKET/transaction-log unless PAYMENTS_ARCHIVE is set"),
    PAYMENTS_RELAY("background or off: whether the process relays its outbox on a thread of its own"),
    PAYMENTS_LOG_LEVEL("log level: TRACE, DEBUG, INFO, WARN or ERROR"),
    PAYMENTS_ACCESS_LOG_LEVEL("level of the per-request access line: INFO, or WARN to drop it"),
    // the container's HTTP edge (drctl serve's request limits)
    PAYMENTS_MAX_JSON_NUMBER_LENGTH("longest JSON number in a request body, 20-1000 characters"),
    PAYMENTS_MAX_JSON_DEPTH("deepest JSON nesting in a request body, 2-1000 levels"),
    PAYMENTS_MAX_HEADER_BYTES("largest request header block, 1024-65536 bytes"),
    PAYMENTS_HTTP_IDLE_TIMEOUT("idle connection timeout, 1s-1h (500ms, 10s or 2m)"),
    PAYMENTS_HTTP_REQUEST_TIMEOUT("whole-request timeout, 500ms-5m (500ms, 10s or 2m)"),

    // the failover functions (trigger, monitor, readiness tester)
    PAYMENTS_FAILOVER_RESOURCES("the failover's resources as " + KeyValues.FORMAT + " pairs with the keys of"
            + " FailoverKeys (the keys of drctl's --config file); what is missing is read from PAYMENTS_FAILOVER_STACKS"),
    PAYMENTS_FAILOVER_STACKS("the deployment's stacks as " + KeyValues.FORMAT + " pairs primary=REGION/STACK,"
            + " secondary=REGION/STACK, global=REGION/STACK; their outputs (FailoverOutput) fill in the resources"),
    PAYMENTS_FAILOVER_MAX_LAG("lag gate of an unplanned failover, a duration such as 5s or 500ms (" + Durations.FORMAT + ")"),
    PAYMENTS_FAILOVER_TRIGGER_FUNCTION("name or ARN of this region's failover trigger function (the monitor's automatic mode starts it)"),
    PAYMENTS_MONITOR_AUTOMATIC("true or false: start the failover trigger after PAYMENTS_MONITOR_FAILURES consecutive failed"
            + " checks of the active region"),
    PAYMENTS_MONITOR_FAILURES("consecutive failed checks of the active region that start a failover, 1-100"),
    PAYMENTS_MONITOR_LAG_ALERT("replication or RPO lag above which the monitor alerts, a duration (" + Durations.FORMAT + ")"),
    PAYMENTS_READINESS_TABLE("DynamoDB global table (string keys pk and sk, replicated to the other region) for the canary item"),
    PAYMENTS_READINESS_BUCKETS("the replicated bucket of each region as " + KeyValues.FORMAT + " pairs REGION=BUCKET"),
    PAYMENTS_READINESS_REPLICATION_TIMEOUT("how long a canary may take to appear in the other region, a duration ("
            + Durations.FORMAT + ")"),

    // read by Powertools for AWS Lambda itself
    POWERTOOLS_SERVICE_NAME("the service dimension and log field of Powertools"),
    POWERTOOLS_METRICS_NAMESPACE("CloudWatch namespace of the functions' embedded-format metrics"),
    POWERTOOLS_LOG_LEVEL("Powertools' log level: DEBUG, INFO, WARN or ERROR");

    private final String format;

    RuntimeVariable(String format) {
        this.format = format;
    }

    /** What the runtime accepts, in words. */
    public String format() {
        return format;
    }

    /** True for the variables our own parsers read; the others are read by Powertools. */
    public boolean ours() {
        return name().startsWith("PAYMENTS_");
    }

    /** The variable named {@code name}, if the contract has one. */
    public static java.util.Optional<RuntimeVariable> named(String name) {
        for (RuntimeVariable v : values()) {
            if (v.name().equals(name)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }

    /** True for a name in one of the contract's namespaces ({@code PAYMENTS_}, {@code POWERTOOLS_}). */
    public static boolean inNamespace(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("PAYMENTS_") || upper.startsWith("POWERTOOLS_");
    }
}
