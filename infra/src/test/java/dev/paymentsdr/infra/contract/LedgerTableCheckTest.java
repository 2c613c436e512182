package dev.paymentsdr.infra.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.contract.Handlers;
import dev.paymentsdr.contract.LedgerTableLayout;
import dev.paymentsdr.infra.TestArtifacts;
import dev.paymentsdr.infra.constructs.GlobalTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/** The ledger-table check passes the table the construct makes with the ledger's indexes, and fails one without them. */
class LedgerTableCheckTest {
    private static List<String> problems(List<LedgerTableLayout.Index> indexes, String tableGiven) {
        App app = new App();
        Stack stack = new Stack(app, "Ledger", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("us-east-1").build()).build());
        GlobalTable.Builder.create(stack, "Payments").tableName("payments-ledger-test").replicaRegion("us-east-2")
                .indexes(indexes).build();
        Function.Builder.create(stack, "Fn").runtime(Runtime.JAVA_21).handler(Handlers.PAYMENT_FUNCTION_URL)
                .code(TestArtifacts.create().lambdaCode().get()).environment(Map.of("PAYMENTS_TABLE", tableGiven)).build();
        CloudAssembly assembly = app.synth();
        return LedgerTableCheck.problems(assembly, RuntimeEnvironments.of(assembly).checked());
    }

    @Test
    void theGlobalTableWithTheLedgersIndexesIsTheTableTheRuntimeDeclares() {
        assertThat(problems(LedgerTableLayout.indexes(), "payments-ledger-test")).isEmpty();
    }

    @Test
    void aTableWithoutTheIndexes_orATableNoStackCreates_isAProblem() {
        assertThat(problems(List.of(), "payments-ledger-test")).hasSize(2).anySatisfy(p -> assertThat(p)
                .contains("global secondary indexes are {}").contains("by-customer").contains("pending-events"))
                .anySatisfy(p -> assertThat(p).contains("attribute definitions are {pk=S, sk=S}"));
        assertThat(problems(LedgerTableLayout.indexes(), "payments-other")).singleElement().asString()
                .contains("table payments-other, which no stack of the app creates");
    }
}
