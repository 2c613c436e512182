package dev.paymentsdr.failover;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.paymentsdr.failover");

    @Test
    void theFailoverCoreUsesNoDatabaseCloudOrHttpTypes() {
        noClasses().that().resideInAPackage("dev.paymentsdr.failover..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "software.amazon..",
                        "com.amazonaws..", "java.net.http..", "io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void theDomainDependsOnNoApplicationOrPortCode() {
        noClasses().that().resideInAPackage("dev.paymentsdr.failover.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paymentsdr.failover.application..",
                        "dev.paymentsdr.failover.port..")
                .check(classes);
    }

    @Test
    void theCoreIsImportedAtAll() {
        org.assertj.core.api.Assertions.assertThat(classes.contain("dev.paymentsdr.failover.application.FailoverOrchestrator")).isTrue();
    }
}
