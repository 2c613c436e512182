package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.infra.SynthSupport;
import dev.paymentsdr.infra.Synthesizer;
import dev.paymentsdr.infra.TestArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
    }

    @AfterAll
    void deleteOutput() {
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
        SynthSupport.LintResult lint = SynthSupport.cfnLint(result.assembly());
        assertThat(lint.hasErrors()).as(lint.output()).isFalse();
        // Every warning left is explained in the README's Infrastructure section.
        assertThat(SynthSupport.lintRules(lint.output())).as(lint.output()).isSubsetOf("W3005", "W3010");
    }

    @Test
    void checkovFailsNoCheckOnAnyTemplate() throws Exception {
        assertThat(SynthSupport.checkov(result.assembly())).as("failed checkov checks").isEmpty();
    }

    @Test
    void theCdkBuiltInTemplateValidatorReportsNothing() throws Exception {
        JsonNode report = new ObjectMapper().readTree(Path.of(result.assembly().getDirectory()).resolve("validation-report.json").toFile());
        for (JsonNode plugin : report.get("pluginReports")) {
            assertThat(plugin.get("violations")).as(plugin.get("pluginName").asText()).isEmpty();
        }
    }
}
