package dev.paymentsdr.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.paymentsdr.contract.Component;
import dev.paymentsdr.contract.KeyValues;
import dev.paymentsdr.contract.RuntimeVariable;
import dev.paymentsdr.service.RequestLimits;
import dev.paymentsdr.service.ServiceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The runtime's side of the configuration contract: its parsers read the variables the contract gives each component
 * and nothing else, every handler the contract names exists, and a variable nothing reads is refused.
 */
class RuntimeContractTest {
    /** Variables Logback reads from its configuration, not Java code. */
    private static final Set<RuntimeVariable> READ_BY_LOGBACK = Set.of(RuntimeVariable.PAYMENTS_LOG_LEVEL,
            RuntimeVariable.PAYMENTS_ACCESS_LOG_LEVEL);

    /** A map that remembers which keys were asked for. */
    private static final class Recording extends AbstractMap<String, String> {
        private final Map<String, String> values;
        final Set<String> asked = new TreeSet<>();

        Recording(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public String get(Object key) {
            asked.add((String) key);
            return values.get(key);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return values.entrySet();
        }
    }

    private static Set<String> ours(Component component) {
        return component.reads().stream().filter(RuntimeVariable::ours).filter(v -> !READ_BY_LOGBACK.contains(v))
                .map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> asked(Recording env) {
        return env.asked.stream().filter(RuntimeVariable::inNamespace).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theContainersParsersReadExactlyTheServiceVariables() {
        Recording env = new Recording(Map.of("PAYMENTS_REGION", "us-east-1", "PAYMENTS_TABLE", "payments"));
        ServiceConfig.fromEnvironment(env);
        RequestLimits.fromEnvironment(env);

        Set<String> expected = ours(Component.PAYMENT_SERVICE);
        expected.add(RuntimeVariable.PAYMENTS_DB_SECRET_ARN.name()); // asked only to know whether a database is given
        assertThat(asked(env)).isEqualTo(expected);
    }

    @Test
    void theFunctionsServiceParserReadsExactlyTheFunctionVariables() {
        Recording env = new Recording(Map.of("PAYMENTS_REGION", "us-east-1", "PAYMENTS_TABLE", "payments"));
        ServiceConfig.fromEnvironment(env);
        ApiKeyAuthenticator.secretId(env); // the load balancer entry's key check

        assertThat(asked(env)).isEqualTo(ours(Component.PAYMENT_FUNCTION));
    }

    @Test
    void theLogLevelsAreReadByLogbacksConfiguration() throws IOException {
        try (InputStream in = ServiceConfig.class.getResourceAsStream("/logback.xml")) {
            String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            READ_BY_LOGBACK.forEach(v -> assertThat(config).contains("${" + v.name() + ":-"));
        }
    }

    @Test
    void everyFailoverFunctionVariableIsReadAndValidated_aBadValueIsNamed() {
        for (Component component : Set.of(Component.FAILOVER_TRIGGER, Component.HEALTH_MONITOR, Component.READINESS_TESTER)) {
            for (String name : ours(component)) {
                Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "us-east-2",
                        "PAYMENTS_FAILOVER_STACKS", "primary=us-east-1/A;secondary=us-east-2/B;global=us-east-1/C"));
                env.put(name, "not a valid value;");
                assertThatThrownBy(() -> RuntimeSettings.parse(component, env)).as(component + " " + name)
                        .hasMessageContaining(name);
            }
        }
    }

    @Test
    void aVariableTheComponentDoesNotReadIsRefused() {
        Map<String, String> env = new LinkedHashMap<>(Map.of("AWS_REGION", "us-east-2", "PAYMENTS_FAILOVER_STACKS",
                KeyValues.encode(Map.of("primary", "us-east-1/A", "secondary", "us-east-2/B", "global", "us-east-1/C"))));
        RuntimeSettings.parse(Component.FAILOVER_TRIGGER, env);
        env.put("PAYMENTS_BUCKET", "pdr-txlog");
        assertThatThrownBy(() -> RuntimeSettings.parse(Component.FAILOVER_TRIGGER, env))
                .hasMessageContaining("PAYMENTS_BUCKET is not read by the failover trigger");
        assertThatThrownBy(() -> RuntimeSettings.parse(Component.PAYMENT_SERVICE, Map.of("PAYMENTS_REGION", "us-east-1",
                "PAYMENTS_DB_URL", "jdbc:postgresql://db:5432/p", "PAYMENTS_DB_SECRET_ARN", "arn:x")))
                .hasMessageContaining("PAYMENTS_DB_SECRET_ARN is not read by the payment service");
    }

    @Test
    void everyHandlerTheContractNamesIsAHandlerLambdaCanConstruct() throws Exception {
        for (Component component : Component.values()) {
            for (String handler : component.handlers()) {
                Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
                assertThat(RequestHandler.class.isAssignableFrom(type) || RequestStreamHandler.class.isAssignableFrom(type))
                        .as(handler).isTrue();
                assertThat(type.getConstructor()).as(handler + " needs a public no-argument constructor").isNotNull();
            }
        }
    }
}
