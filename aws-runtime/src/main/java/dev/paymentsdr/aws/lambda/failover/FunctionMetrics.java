package dev.paymentsdr.aws.lambda.failover;

import dev.paymentsdr.contract.RuntimeVariable;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;

/** The functions' metrics: Powertools in CloudWatch embedded metric format, one namespace for the deployment. */
public final class FunctionMetrics {
    /** The namespace when the stack sets none. */
    public static final String DEFAULT_NAMESPACE = "PaymentsDr";

    private FunctionMetrics() {
    }

    /** Metrics as the function's environment names them (POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME). */
    public static Metrics fromEnvironment(Map<String, String> environment, String defaultService) {
        String namespace = environment.getOrDefault(RuntimeVariable.POWERTOOLS_METRICS_NAMESPACE.name(), DEFAULT_NAMESPACE);
        String service = environment.getOrDefault(RuntimeVariable.POWERTOOLS_SERVICE_NAME.name(), defaultService);
        return MetricsBuilder.builder().withNamespace(namespace).withService(service).withRaiseOnEmptyMetrics(false).build();
    }
}
