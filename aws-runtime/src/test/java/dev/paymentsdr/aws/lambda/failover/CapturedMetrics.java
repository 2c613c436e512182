package dev.paymentsdr.aws.lambda.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;

/**
 * Powertools metrics as the functions use them, with the embedded-metric-format documents they would print to
 * the Lambda log kept here instead, serialized by the EMF library itself.
 */
public final class CapturedMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> documents = new CopyOnWriteArrayList<>();

    /** A metrics logger for {@code service} in namespace {@code PaymentsDr} whose documents land here. */
    public Metrics metrics(String service) {
        ISink sink = new ISink() {
            @Override
            public void accept(MetricsContext context) {
                try {
                    documents.addAll(context.serialize());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public CompletableFuture<Void> shutdown() {
                return CompletableFuture.completedFuture(null);
            }
        };
        Environment environment = new Environment() {
            @Override
            public boolean probe() {
                return true;
            }

            @Override
            public String getName() {
                return service;
            }

            @Override
            public String getType() {
                return "test";
            }

            @Override
            public String getLogGroupName() {
                return "/aws/lambda/" + service;
            }

            @Override
            public void configureContext(MetricsContext context) {
            }

            @Override
            public ISink getSink() {
                return sink;
            }
        };
        EnvironmentProvider provider = new EnvironmentProvider() {
            @Override
            public CompletableFuture<Environment> resolveEnvironment() {
                return CompletableFuture.completedFuture(environment);
            }

            @Override
            public Environment getDefaultEnvironment() {
                return environment;
            }
        };
        Metrics metrics = new EmfMetricsLogger(provider, new MetricsContext());
        metrics.setNamespace("PaymentsDr");
        metrics.setDefaultDimensions(DimensionSet.of("Service", service));
        metrics.setRaiseOnEmptyMetrics(false);
        return metrics;
    }

    /** Every EMF document flushed so far, parsed. */
    public List<JsonNode> documents() {
        List<JsonNode> parsed = new ArrayList<>();
        for (String document : documents) {
            try {
                parsed.add(JSON.readTree(document));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parsed;
    }

    /** The values of metric {@code name} in documents whose dimensions include {@code dimensions}, oldest first. */
    public List<Double> values(String name, Map<String, String> dimensions) {
        List<Double> values = new ArrayList<>();
        for (JsonNode doc : documents()) {
            boolean declared = false;
            for (JsonNode directive : doc.path("_aws").path("CloudWatchMetrics")) {
                for (JsonNode metric : directive.path("Metrics")) {
                    declared |= metric.path("Name").asText().equals(name);
                }
            }
            boolean matches = dimensions.entrySet().stream().allMatch(d -> doc.path(d.getKey()).asText().equals(d.getValue()));
            if (declared && matches && doc.has(name)) {
                values.add(doc.get(name).isArray() ? doc.get(name).get(0).asDouble() : doc.get(name).asDouble());
            }
        }
        return values;
    }

    /** The newest value of metric {@code name} with {@code dimensions}. */
    public Optional<Double> last(String name, Map<String, String> dimensions) {
        List<Double> values = values(name, dimensions);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }
}
