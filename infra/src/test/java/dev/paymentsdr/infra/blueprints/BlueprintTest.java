package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.infra.SynthSupport;
import dev.paymentsdr.infra.Synthesizer;
import dev.paymentsdr.infra.TestArtifacts;
import dev.paymentsdr.infra.contract.LedgerTableCheck;
import dev.paymentsdr.infra.contract.RuntimeEnvironments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Template;

/**
 * What every blueprint must pass, on one synthesis per test class (synthesis is the slow part): no unsuppressed
 * cdk-nag finding (AwsSolutions, PCI DSS 3.2.1) or CDK warning, no cfn-lint error and only the explained warnings,
 * zero failed checkov checks, nothing in the CDK's own validation report. Subclasses assert their document's values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BlueprintTest {
    private Path out;
    /** The synthesized app. */
    protected Synthesizer.Result result;
    private CompletableFuture<SynthSupport.LintResult> lint;
    private CompletableFuture<List<SynthSupport.CheckovFailure>> checkov;

    /** The blueprint's name. */
    protected abstract String blueprint();

    /** Context besides the account (default: none). */
    protected Map<String, Object> context() {
        return Map.of();
    }

    @BeforeAll
    void synthesizeOnce() throws Exception {
        out = Files.createTempDirectory(blueprint() + "-");
        Map<String, Object> context = new LinkedHashMap<>(Map.of("account", "123456789012", Synthesizer.BLUEPRINT_KEY, blueprint()));
        context.putAll(context());
        result = Synthesizer.synthesize(context, out, TestArtifacts::create);
        // The two scanners are separate processes: run them side by side while the property tests run.
        List<Path> templates = SynthSupport.templateFiles(result.assembly());
        lint = CompletableFuture.supplyAsync(() -> scan(() -> SynthSupport.cfnLint(templates)));
        checkov = CompletableFuture.supplyAsync(() -> scan(() -> SynthSupport.checkov(templates)));
    }

    private interface Scan<T> {
        T run() throws Exception;
    }

    private static <T> T scan(Scan<T> scan) {
        try {
            return scan.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void deleteOutput() {
        lint.join();
        checkov.join();
        TestArtifacts.deleteQuietly(out);
    }

    /** The template of stack {@code id}. */
    protected Template template(String id) {
        return SynthSupport.template(result, id);
    }

    @Test
    void cdkNagAwsSolutionsAndPciDssReportNothingUnsuppressedAndTheCdkWarnsOfNothing() {
        assertThat(SynthSupport.errors(result.assembly())).as("unsuppressed cdk-nag errors").isEmpty();
        assertThat(SynthSupport.warnings(result.assembly())).as("cdk-nag and CDK warnings").isEmpty();
    }

    @Test
    void cfnLintFindsNoErrorAndOnlyTheExplainedWarnings() throws Exception {
        SynthSupport.LintResult findings = lint.get(5, TimeUnit.MINUTES);
        assertThat(findings.hasErrors()).as(findings.output()).isFalse();
        // Every warning left is explained in the README's Infrastructure section.
        assertThat(SynthSupport.lintRules(findings.output())).as(findings.output()).isSubsetOf("W3005", "W3010");
    }

    @Test
    void checkovFailsNoCheckOnAnyTemplate() throws Exception {
        assertThat(checkov.get(5, TimeUnit.MINUTES)).as("failed checkov checks").isEmpty();
    }

    @Test
    void everyContainerAndFunctionEnvironmentStartsItsRuntime_andEveryFailoverFunctionFindsItsResources() {
        RuntimeEnvironments environments = RuntimeEnvironments.of(result.assembly());

        assertThat(environments.problems()).as("environments the runtime would refuse").isEmpty();
        assertThat(environments.checked()).as("containers and Java functions checked").isNotEmpty();
    }

    @Test
    void everyTableARuntimeIsGivenIsCreatedWithTheKeysIndexesAndStreamTheLedgerDeclares() {
        RuntimeEnvironments environments = RuntimeEnvironments.of(result.assembly());

        assertThat(LedgerTableCheck.problems(result.assembly(), environments.checked())).as("ledger tables").isEmpty();
    }

    @Test
    void theCdkBuiltInTemplateValidatorReportsNothing() throws Exception {
        JsonNode report = new ObjectMapper().readTree(Path.of(result.assembly().getDirectory()).resolve("validation-report.json").toFile());
        for (JsonNode plugin : report.get("pluginReports")) {
            assertThat(plugin.get("violations")).as(plugin.get("pluginName").asText()).isEmpty();
        }
    }
}
