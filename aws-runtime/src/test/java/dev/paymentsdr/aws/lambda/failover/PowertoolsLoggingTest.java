package dev.paymentsdr.aws.lambda.failover;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** Powertools logging on Logback: the invocation's fields in the MDC (which the JSON encoder writes), levels set. */
class PowertoolsLoggingTest {
    @Test
    void withinAnInvocationTheLogCarriesTheRequestIdAndTheFunctionName() {
        LambdaTestContext context = LambdaTestContext.of("payments-dr-failover-us-east-2-test");

        String[] seen = PowertoolsLogging.withLogging(context, () -> new String[] {MDC.get("function_request_id"),
                MDC.get("function_name"), MDC.get("cold_start")});

        assertThat(seen[0]).isEqualTo(context.awsRequestId());
        assertThat(seen[1]).isEqualTo("payments-dr-failover-us-east-2-test");
        assertThat(seen[2]).isIn("true", "false");
    }

    @Test
    void theLogbackManagerSetsAndReadsLevels() {
        LogbackLoggingManager manager = new LogbackLoggingManager();
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        org.slf4j.event.Level before = manager.getLogLevel(root);
        try {
            manager.setLogLevel(org.slf4j.event.Level.WARN);
            assertThat(manager.getLogLevel(root)).isEqualTo(org.slf4j.event.Level.WARN);
            assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("x.y").getEffectiveLevel().levelStr).isEqualTo("WARN");
        } finally {
            manager.setLogLevel(before);
        }
    }
}
