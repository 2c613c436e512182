package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.infra.SynthSupport;
import dev.paymentsdr.infra.Synthesizer;
import dev.paymentsdr.infra.TestArtifacts;
import dev.paymentsdr.infra.config.DrSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * A serverless, DynamoDB-only design (like the CloudFormation seed) written as a blueprint of a few lines:
 * proves the constructs compose without Aurora or ECS and stay cdk-nag and cfn-lint clean.
 */
class ShortCompositionTest {
    /** The whole blueprint: functions, queue and the global table in two regions, health checks in the global stack. */
    static final class ServerlessBlueprint implements Blueprint {
        @Override
        public String name() {
            return "serverless-test";
        }

        @Override
        public String description() {
            return "Lambda API, queue and DynamoDB global table in two regions";
        }

        @Override
        public List<String> compose(App app, DrSettings settings, Artifacts artifacts) {
            Naming naming = Naming.of("ServerlessDr", settings);
            RegionalStack.Options options = RegionalStack.Options.minimal().functions(true).queue(true).globalTable(true);
            RegionalStack primary = new RegionalStack(app, "Primary", settings, naming, RegionalStack.RegionRole.PRIMARY, artifacts, options);
            RegionalStack secondary = new RegionalStack(app, "Secondary", settings, naming, RegionalStack.RegionRole.SECONDARY, artifacts, options);
            new GlobalStack(app, "Global", settings, naming, primary, secondary);
            return List.of();
        }
    }

    private static Path out;
    private static Synthesizer.Result result;

    @BeforeAll
    static void synthesize() throws Exception {
        out = Files.createTempDirectory("short-composition");
        result = Synthesizer.synthesize(new ServerlessBlueprint(), Map.of("account", "123456789012"), out, TestArtifacts::create);
    }

    @AfterAll
    static void deleteOutput() {
        TestArtifacts.deleteQuietly(out);
    }

    @Test
    void itHasNoDatabaseNoServiceAndStillTheTableFunctionsAndHealthChecks() {
        Template primary = SynthSupport.template(result, "Primary");
        primary.resourceCountIs("AWS::RDS::DBCluster", 0);
        primary.resourceCountIs("AWS::ECS::Service", 0);
        primary.resourceCountIs("AWS::StepFunctions::StateMachine", 0);
        primary.hasResourceProperties("AWS::DynamoDB::GlobalTable", Match.objectLike(Map.of("TableName", "payments-dr-sessions-dev")));
        Map<String, Object> variables = Map.of("PAYMENTS_TABLE", "payments-dr-sessions-dev", "PAYMENTS_DB_URL", Match.absent());
        primary.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Environment", Match.objectLike(Map.of("Variables", Match.objectLike(variables))))));
        SynthSupport.template(result, "Global").resourcePropertiesCountIs("AWS::Route53::HealthCheck", Match.objectLike(Map.of(
                "HealthCheckConfig", Match.objectLike(Map.of("ResourcePath", "/prod/health/ready")))), 2);
        assertThat(result.assembly().getStacks()).extracting(s -> s.getStackName())
                .containsExactlyInAnyOrder("ServerlessDr-Primary-dev", "ServerlessDr-Secondary-dev", "ServerlessDr-Global-dev");
    }

    @Test
    void cdkNagAndCfnLintAreCleanForThisCompositionToo() throws Exception {
        assertThat(SynthSupport.errors(result.assembly())).as("unsuppressed cdk-nag errors").isEmpty();
        SynthSupport.LintResult lint = SynthSupport.cfnLint(result.assembly());
        assertThat(lint.hasErrors()).as(lint.output()).isFalse();
    }

    @Test
    void askingForAnAcceleratorWithoutLoadBalancersIsAClearError() {
        assertThatThrownBy(() -> Synthesizer.synthesize(new ServerlessBlueprint(),
                Map.of("account", "123456789012", "globalAccelerator", "true"), null, TestArtifacts::create))
                .hasMessageContaining("globalAccelerator=true needs the payment service");
    }
}
