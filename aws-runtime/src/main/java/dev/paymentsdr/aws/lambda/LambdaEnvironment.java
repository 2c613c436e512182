package dev.paymentsdr.aws.lambda;

import dev.paymentsdr.aws.adapter.secrets.DatabaseSecret;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.ServiceLaunch;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a Lambda function's environment into the service configuration: the database credentials (and, when
 * {@code PAYMENTS_DB_URL} is not set, the endpoint) come from the Secrets Manager secret named by
 * {@code PAYMENTS_DB_SECRET_ARN}; the region defaults to the function's own {@code AWS_REGION}. The outbox is not
 * relayed in the background here ({@code PAYMENTS_RELAY=off} unless set): {@link OutboxRelayHandler} relays it.
 */
final class LambdaEnvironment {
    static final String SECRET_ARN = "PAYMENTS_DB_SECRET_ARN";

    private LambdaEnvironment() {
    }

    static ServiceConfig serviceConfig(Map<String, String> environment, Function<String, DatabaseSecret> secrets) {
        Map<String, String> env = new HashMap<>(environment);
        if (isBlank(env.get("PAYMENTS_REGION")) && !isBlank(env.get("AWS_REGION"))) {
            env.put("PAYMENTS_REGION", env.get("AWS_REGION"));
        }
        env.putIfAbsent("PAYMENTS_RELAY", "off");
        String secretArn = env.get(SECRET_ARN);
        if (!isBlank(secretArn)) {
            DatabaseSecret secret = secrets.apply(secretArn);
            env.put("PAYMENTS_DB_USER", secret.username());
            env.put(ServiceLaunch.PASSWORD_VARIABLE, secret.password());
            if (isBlank(env.get("PAYMENTS_DB_URL"))) {
                secret.jdbcUrl().ifPresent(url -> env.put("PAYMENTS_DB_URL", url));
            }
        }
        return ServiceConfig.fromEnvironment(env);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
