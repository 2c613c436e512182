package dev.paymentsdr.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContractTest {
    @Test
    void keyValuesRoundTripInOrder_andBlankTextIsNone() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("global-cluster", "payments-dr-global-prod");
        pairs.put("region.us-east-1.health-url", "https://alb.example/health/ready?x=1");
        String text = KeyValues.encode(pairs);

        assertThat(text).isEqualTo("global-cluster=payments-dr-global-prod;region.us-east-1.health-url=https://alb.example/health/ready?x=1");
        assertThat(KeyValues.decode("V", text)).containsExactlyEntriesOf(pairs);
        assertThat(KeyValues.decode("V", "  ")).isEmpty();
    }

    @Test
    void malformedKeyValuesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> KeyValues.decode("PAYMENTS_FAILOVER_RESOURCES", "a=1;justtext"))
                .hasMessageContaining("PAYMENTS_FAILOVER_RESOURCES").hasMessageContaining("'justtext'").hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> KeyValues.decode("V", "a=1;a=2")).hasMessageContaining("'a' is given twice");
        assertThatThrownBy(() -> KeyValues.encode(Map.of("a", "x;y"))).hasMessageContaining("no ';'");
        assertThatThrownBy(() -> KeyValues.encode(Map.of("a b", "x"))).hasMessageContaining("key 'a b'");
    }

    @Test
    void durationsReadTheUnitsAndWriteTheShortestForm() {
        assertThat(Durations.parse("V", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("V", " 5S ")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("V", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("V", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThatThrownBy(() -> Durations.parse("PAYMENTS_FAILOVER_MAX_LAG", "5 seconds"))
                .hasMessageContaining("PAYMENTS_FAILOVER_MAX_LAG must be a whole number with ms, s, m or h").hasMessageContaining("'5 seconds'");
        assertThatThrownBy(() -> Durations.parse("V", "-1s")).hasMessageContaining("'-1s'");
    }

    @Test
    void aComponentNamesTheVariablesItDoesNotRead_andIgnoresOtherNamespaces() {
        Set<String> environment = Set.of("PAYMENTS_FAILOVER_RESOURCES", "PAYMENTS_TABLE", "PAYMENTS_TYPO", "AWS_REGION", "JAVA_TOOL_OPTIONS");

        assertThat(Component.FAILOVER_TRIGGER.unread(environment)).containsExactly(
                "PAYMENTS_TABLE is not read by the failover trigger", "PAYMENTS_TYPO is not a variable of the runtime contract");
        assertThat(Component.PAYMENT_SERVICE.unread(Set.of("PAYMENTS_TABLE", "PAYMENTS_BUCKET"))).isEmpty();
    }

    @Test
    void everyHandlerBelongsToExactlyOneComponent() {
        for (Component c : Component.values()) {
            for (String handler : c.handlers()) {
                assertThat(Component.ofHandler(handler)).contains(c);
                assertThat(handler).matches("dev\\.paymentsdr\\.aws\\.lambda\\.[A-Za-z.]+::handleRequest");
            }
        }
        assertThat(Component.ofHandler("index.handler")).isEmpty();
        assertThat(Component.FAILOVER_TRIGGER.handler()).endsWith("FailoverTriggerHandler::handleRequest");
    }

    @Test
    void everyVariableHasAFormatAndEveryComponentReadsOnlyContractVariables() {
        for (RuntimeVariable v : RuntimeVariable.values()) {
            assertThat(v.format()).as(v.name()).isNotBlank();
            assertThat(RuntimeVariable.inNamespace(v.name())).isTrue();
        }
        assertThat(Component.HEALTH_MONITOR.reads()).contains(RuntimeVariable.PAYMENTS_MONITOR_FAILURES);
    }

    @Test
    void theContractUsesNoLibraryTypes_soInfraAndRuntimeCanBothDependOnIt() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.paymentsdr.contract");
        ArchRule rule = ArchRuleDefinition.classes().that().resideInAPackage("dev.paymentsdr.contract..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.paymentsdr.contract..");
        rule.check(classes);
        assertThat(classes).isNotEmpty();
    }
}
