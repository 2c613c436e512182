package dev.paymentsdr.infra.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.contract.Component;
import dev.paymentsdr.infra.TestArtifacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/** The contract check fails a stack whose runtime could not start: it is not a check that always passes. */
class RuntimeEnvironmentsTest {
    private static RuntimeEnvironments synthesize(String handler, Map<String, String> environment) {
        App app = new App();
        Stack stack = new Stack(app, "Contract", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("us-east-2").build()).build());
        Function.Builder.create(stack, "Fn").runtime(Runtime.JAVA_21).handler(handler)
                .code(TestArtifacts.create().lambdaCode().get()).environment(environment).build();
        return RuntimeEnvironments.of(app.synth());
    }

    @Test
    void aPaymentFunctionWithATableIsAccepted() {
        RuntimeEnvironments ok = synthesize(Component.PAYMENT_FUNCTION.handlers().get(0),
                Map.of("PAYMENTS_REGION", "us-east-2", "PAYMENTS_TABLE", "payments-dr-sessions-dev"));
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.checked()).singleElement().satisfies(c -> assertThat(c.component()).isEqualTo(Component.PAYMENT_FUNCTION));
    }

    @Test
    void aDatabaseUrlTheServiceRefuses_aVariableNothingReads_andAnUnknownHandler_areEachAProblem() {
        List<String> badUrl = synthesize(Component.PAYMENT_FUNCTION.handlers().get(0), Map.of("PAYMENTS_REGION", "us-east-2",
                "PAYMENTS_DB_URL", "jdbc:oracle:thin:@db:1521/payments")).problems();
        assertThat(badUrl).singleElement().asString().contains("database URL must start with");
        List<String> unread = synthesize(Component.FAILOVER_TRIGGER.handler(), Map.of("PAYMENTS_TABLE", "x-table",
                "PAYMENTS_FAILOVER_STACKS", "primary=us-east-1/A;secondary=us-east-2/B;global=us-east-1/C")).problems();
        assertThat(unread).singleElement().asString().contains("PAYMENTS_TABLE is not read by the failover trigger");
        List<String> unknown = synthesize("dev.paymentsdr.aws.lambda.Nothing::handleRequest", Map.of()).problems();
        assertThat(unknown).singleElement().asString().contains("is no component of the runtime contract");
    }

    @Test
    void aFailoverFunctionThatCannotFindItsResourcesIsAProblem() {
        List<String> missing = synthesize(Component.FAILOVER_TRIGGER.handler(), Map.of(
                "PAYMENTS_FAILOVER_STACKS", "primary=us-east-1/A;secondary=us-east-2/B;global=us-east-1/C")).problems();
        assertThat(missing).singleElement().asString().contains("global-cluster: missing").contains("state-table: missing");
    }
}
