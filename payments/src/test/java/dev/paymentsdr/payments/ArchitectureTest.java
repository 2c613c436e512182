package dev.paymentsdr.payments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The payment domain stays free of adapters: no JDBC, AWS, HTTP or servlet types. */
class ArchitectureTest {
    private static final String[] ADAPTER_PACKAGES = {
        "java.sql..", "javax.sql..", "software.amazon..", "com.amazonaws..", "io.javalin..",
        "jakarta.servlet..", "javax.servlet..", "org.eclipse.jetty..", "java.net.http..",
        "com.fasterxml.jackson..", "org.postgresql..", "com.zaxxer..", "org.flywaydb.."};

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.paymentsdr.payments");
    }

    @Test
    void theDomainUseCasesAndPortsDependOnNoJdbcAwsOrHttpType() {
        assertThat(production).isNotEmpty();
        ArchRule rule = noClasses().that().resideInAPackage("dev.paymentsdr.payments..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_PACKAGES)
                .because("the domain must run unchanged behind any adapter (ECS, Lambda, lab)");

        rule.check(production);
    }

    @Test
    void theModelDependsOnNoPortOrUseCase() {
        noClasses().that().resideInAPackage("dev.paymentsdr.payments.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.paymentsdr.payments.port..", "dev.paymentsdr.payments.application..")
                .because("the model is the centre; ports and use cases depend on it, not the other way round")
                .check(production);
    }

    @Test
    void theRuleWouldCatchAViolation() {
        // Guards against a rule that silently checks nothing: java.util is used by the model, so this must fail.
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("dev.paymentsdr.payments..")
                .should().dependOnClassesThat().resideInAnyPackage("java.util..").check(production))
                .isInstanceOf(AssertionError.class);
    }
}
