package dev.paymentsdr.contract;

import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_ACCESS_LOG_LEVEL;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_API_KEYS_SECRET_ARN;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_ARCHIVE;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_BIND;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_BUCKET;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_DB_PASSWORD;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_DB_PASSWORD_FILE;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_DB_POOL_SIZE;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_DB_SECRET_ARN;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_DB_URL;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_DB_USER;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_EVENT_BUS;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_FAILOVER_MAX_LAG;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_FAILOVER_RESOURCES;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_FAILOVER_STACKS;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_FAILOVER_TRIGGER_FUNCTION;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_LEDGER;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_LOG_LEVEL;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_MAX_AMOUNT;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_MONITOR_AUTOMATIC;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_MONITOR_FAILURES;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_MONITOR_LAG_ALERT;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_PORT;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_READINESS_BUCKETS;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_READINESS_REPLICATION_TIMEOUT;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_READINESS_TABLE;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_REGION;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_RELAY;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_TABLE;
import static dev.paymentsdr.contract.RuntimeVariable.POWERTOOLS_LOG_LEVEL;
import static dev.paymentsdr.contract.RuntimeVariable.POWERTOOLS_METRICS_NAMESPACE;
import static dev.paymentsdr.contract.RuntimeVariable.POWERTOOLS_SERVICE_NAME;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the stacks deploy of the runtime: the container and each Lambda function, with its handler and the
 * variables it reads. A function's handler names its component; the stacks set a component no other variables.
 */
public enum Component {
    /** The payment service container (ECS): {@code ServiceMain}, with its HTTP edge's request limits. */
    PAYMENT_SERVICE(List.of(), withHttpEdge(service())),
    /**
     * The payment functions (API Gateway, function URL, ALB target, SQS, the scheduled outbox relay): the same service, configured
     * from the same variables, the database credentials from the secret.
     */
    PAYMENT_FUNCTION(List.of(Handlers.PAYMENT_API, Handlers.PAYMENT_FUNCTION_URL, Handlers.HEALTH_FUNCTION_URL,
            Handlers.PAYMENT_LOAD_BALANCER,
            Handlers.PAYMENT_QUEUE, Handlers.OUTBOX_RELAY), withSecret(service())),
    /** Runs the failover orchestrator in the region being activated. */
    FAILOVER_TRIGGER(List.of(Handlers.FAILOVER_TRIGGER), failover()),
    /** Every minute in both regions: lag, global cluster, readiness; alerts; the automatic mode. */
    HEALTH_MONITOR(List.of(Handlers.HEALTH_MONITOR),
            failover(PAYMENTS_FAILOVER_TRIGGER_FUNCTION, PAYMENTS_MONITOR_AUTOMATIC, PAYMENTS_MONITOR_FAILURES,
                    PAYMENTS_MONITOR_LAG_ALERT)),
    /** Hourly in both regions: canaries, database and API of both regions, a dry run of the failover. */
    READINESS_TESTER(List.of(Handlers.READINESS_TESTER),
            failover(PAYMENTS_READINESS_TABLE, PAYMENTS_READINESS_BUCKETS, PAYMENTS_READINESS_REPLICATION_TIMEOUT));

    private final List<String> handlers;
    private final Set<RuntimeVariable> reads;

    Component(List<String> handlers, Set<RuntimeVariable> reads) {
        this.handlers = List.copyOf(handlers);
        this.reads = Set.copyOf(reads);
    }

    private static Set<RuntimeVariable> service() {
        return EnumSet.of(PAYMENTS_REGION, PAYMENTS_PORT, PAYMENTS_BIND, PAYMENTS_DB_URL, PAYMENTS_DB_USER, PAYMENTS_DB_PASSWORD,
                PAYMENTS_DB_PASSWORD_FILE, PAYMENTS_DB_POOL_SIZE, PAYMENTS_MAX_AMOUNT, PAYMENTS_LEDGER, PAYMENTS_TABLE,
                PAYMENTS_EVENT_BUS, PAYMENTS_ARCHIVE, PAYMENTS_BUCKET, PAYMENTS_RELAY, PAYMENTS_LOG_LEVEL,
                PAYMENTS_ACCESS_LOG_LEVEL);
    }

    private static Set<RuntimeVariable> withHttpEdge(Set<RuntimeVariable> variables) {
        Set<RuntimeVariable> all = EnumSet.copyOf(variables);
        all.addAll(List.of(RuntimeVariable.PAYMENTS_MAX_JSON_NUMBER_LENGTH, RuntimeVariable.PAYMENTS_MAX_JSON_DEPTH,
                RuntimeVariable.PAYMENTS_MAX_HEADER_BYTES, RuntimeVariable.PAYMENTS_HTTP_IDLE_TIMEOUT,
                RuntimeVariable.PAYMENTS_HTTP_REQUEST_TIMEOUT));
        return all;
    }

    private static Set<RuntimeVariable> withSecret(Set<RuntimeVariable> variables) {
        Set<RuntimeVariable> all = EnumSet.copyOf(variables);
        all.add(PAYMENTS_DB_SECRET_ARN);
        // only the load balancer entry reads it (the other transports are IAM-signed or open health URLs)
        all.add(PAYMENTS_API_KEYS_SECRET_ARN);
        return all;
    }

    private static Set<RuntimeVariable> failover(RuntimeVariable... more) {
        Set<RuntimeVariable> all = EnumSet.of(PAYMENTS_FAILOVER_RESOURCES, PAYMENTS_FAILOVER_STACKS, PAYMENTS_FAILOVER_MAX_LAG,
                POWERTOOLS_SERVICE_NAME, POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_LOG_LEVEL);
        all.addAll(List.of(more));
        return all;
    }

    /** The Lambda handlers of this component ({@code class::method}); none for the container. */
    public List<String> handlers() {
        return handlers;
    }

    /** The one handler of a single-function component. */
    public String handler() {
        if (handlers.size() != 1) {
            throw new IllegalStateException(this + " has " + handlers.size() + " handlers: " + handlers);
        }
        return handlers.get(0);
    }

    /** The variables this component reads. */
    public Set<RuntimeVariable> reads() {
        return reads;
    }

    /** The component a Lambda function with {@code handler} runs, if the contract knows it. */
    public static Optional<Component> ofHandler(String handler) {
        for (Component c : values()) {
            if (c.handlers.contains(handler)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The names in {@code environment} that are in the contract's namespaces but that this component does not read,
     * each with why: a variable the stacks set and nothing reads is a mistake, not a default.
     */
    public List<String> unread(Set<String> environment) {
        return environment.stream().filter(RuntimeVariable::inNamespace).sorted()
                .filter(name -> RuntimeVariable.named(name).map(v -> !reads.contains(v)).orElse(true))
                .map(name -> name + (RuntimeVariable.named(name).isPresent() ? " is not read by the " + label()
                        : " is not a variable of the runtime contract"))
                .toList();
    }

    /** The component in words: {@code failover trigger}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
