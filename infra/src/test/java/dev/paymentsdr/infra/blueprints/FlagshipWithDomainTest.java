package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paymentsdr.infra.SynthSupport;
import dev.paymentsdr.infra.Synthesizer;
import dev.paymentsdr.infra.TestArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The flagship with every option switched on (custom domain, MySQL, Global Accelerator, e-mail alerts), synthesized
 * twice: the two runs must produce identical templates, and the options must show up in them.
 */
class FlagshipWithDomainTest {
    private static final Map<String, Object> CONTEXT = Map.of(
            "account", "123456789012",
            "environmentSuffix", "prod",
            "alertEmail", "ops@example.com",
            "domainName", "example.com",
            "hostedZoneId", "Z0123456789ABCDEFGHIJ",
            "databaseEngine", "mysql",
            "globalAccelerator", "true");

    private static Path first;
    private static Path second;
    private static Synthesizer.Result result;
    private static Synthesizer.Result again;
    private static Template primary;
    private static Template secondary;
    private static Template global;

    @BeforeAll
    static void synthesizeTwice() throws Exception {
        first = Files.createTempDirectory("flagship-domain-1");
        second = Files.createTempDirectory("flagship-domain-2");
        result = Synthesizer.synthesize(CONTEXT, first, TestArtifacts::create);
        again = Synthesizer.synthesize(CONTEXT, second, TestArtifacts::create);
        primary = SynthSupport.template(result, "Primary");
        secondary = SynthSupport.template(result, "Secondary");
        global = SynthSupport.template(result, "Global");
    }

    @AfterAll
    static void deleteOutput() {
        TestArtifacts.deleteQuietly(first);
        TestArtifacts.deleteQuietly(second);
    }

    @Test
    void twoSynthesesProduceIdenticalTemplates() throws Exception {
        Map<String, String> one = SynthSupport.templates(result.assembly());
        Map<String, String> two = SynthSupport.templates(again.assembly());
        assertThat(one).hasSize(3);
        assertThat(two.keySet()).isEqualTo(one.keySet());
        for (String file : one.keySet()) {
            assertThat(two.get(file).equals(one.get(file))).as(file + " is byte-identical across syntheses").isTrue();
        }
    }

    @Test
    void stackNamesCarryTheSuffix() {
        assertThat(result.assembly().getStacks()).extracting(s -> s.getStackName())
                .containsExactlyInAnyOrder("PaymentsDr-Primary-prod", "PaymentsDr-Secondary-prod", "PaymentsDr-Global-prod");
    }

    @Test
    void cdkNagAndCfnLintStayCleanWithEveryOption() throws Exception {
        assertThat(SynthSupport.errors(result.assembly())).as("unsuppressed cdk-nag errors").isEmpty();
        SynthSupport.LintResult lint = SynthSupport.cfnLint(result.assembly());
        assertThat(lint.hasErrors()).as(lint.output()).isFalse();
        assertThat(SynthSupport.lintRules(lint.output())).as(lint.output()).isSubsetOf("W3005", "W3010");
        assertThat(SynthSupport.checkov(result.assembly())).as("failed checkov checks").isEmpty();
    }

    @Test
    void theAlbServesHttpsWithAnAcmCertificateAndOpensNoPlainHttpPort() {
        primary.hasResourceProperties("AWS::CertificateManager::Certificate", Match.objectLike(Map.of(
                "DomainName", "payments.example.com", "ValidationMethod", "DNS")));
        primary.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
                "Port", 443, "Protocol", "HTTPS", "Certificates", List.of(Match.objectLike(Map.of("CertificateArn", Match.anyValue()))))));
        primary.resourcePropertiesCountIs("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of("Port", 80)), 0);
        primary.resourcePropertiesCountIs("AWS::EC2::SecurityGroup", Match.objectLike(Map.of("SecurityGroupIngress",
                Match.arrayWith(List.of(Match.objectLike(Map.of("FromPort", 80, "CidrIp", "0.0.0.0/0")))))), 0);
    }

    @Test
    void route53HasPrimaryAndSecondaryFailoverAliasesGuardedByHealthChecksOnTheAlbs() {
        for (String failover : List.of("PRIMARY", "SECONDARY")) {
            global.hasResourceProperties("AWS::Route53::RecordSet", Match.objectLike(Map.of(
                    "Name", "payments.example.com",
                    "Type", "A",
                    "Failover", failover,
                    "HostedZoneId", "Z0123456789ABCDEFGHIJ",
                    "HealthCheckId", Match.anyValue(),
                    "AliasTarget", Match.objectLike(Map.of("EvaluateTargetHealth", true)))));
        }
        global.resourcePropertiesCountIs("AWS::Route53::HealthCheck", Match.objectLike(Map.of(
                "HealthCheckConfig", Match.objectLike(Map.of(
                        "Type", "HTTPS", "ResourcePath", "/health/ready", "RequestInterval", 10, "FailureThreshold", 3)))), 2);
    }

    @Test
    void theWorkflowSwitchesDnsByUpsertingThePrimaryRecordToItsOwnAlb() throws Exception {
        Capture definition = new Capture();
        secondary.hasResourceProperties("AWS::StepFunctions::StateMachine", Match.objectLike(Map.of("DefinitionString", definition)));
        JsonNode switchDns = SynthSupport.definition(definition.asObject()).get("States").get("SwitchDns");
        assertThat(switchDns.get("Resource").asText()).endsWith("aws-sdk:route53:changeResourceRecordSets");
        JsonNode change = switchDns.get("Parameters").get("ChangeBatch").get("Changes").get(0);
        assertThat(change.get("Action").asText()).isEqualTo("UPSERT");
        assertThat(change.get("ResourceRecordSet").get("Name").asText()).isEqualTo("payments.example.com");
        assertThat(change.get("ResourceRecordSet").get("Failover").asText()).isEqualTo("PRIMARY");
        assertThat(switchDns.get("Parameters").get("HostedZoneId").asText()).isEqualTo("Z0123456789ABCDEFGHIJ");
    }

    @Test
    void theMysqlOptionExportsTheMysqlLogsOnANonDefaultPort() {
        primary.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of(
                "Engine", "aurora-mysql",
                "Port", 3307,
                "EnableCloudwatchLogsExports", List.of("audit", "error", "general", "slowquery"))));
        secondary.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of(
                "Engine", "aurora-mysql", "GlobalClusterIdentifier", "payments-dr-global-prod")));
    }

    @Test
    void globalAcceleratorHasOneEndpointGroupPerRegionWithTheSecondaryDialedToZero() {
        global.hasResourceProperties("AWS::GlobalAccelerator::EndpointGroup", Match.objectLike(Map.of(
                "EndpointGroupRegion", "us-east-1", "TrafficDialPercentage", 100, "HealthCheckPath", "/health/ready")));
        global.hasResourceProperties("AWS::GlobalAccelerator::EndpointGroup", Match.objectLike(Map.of(
                "EndpointGroupRegion", "us-east-2", "TrafficDialPercentage", 0)));
        global.hasOutput("AcceleratorDnsName", Match.anyValue());
    }

    @Test
    void alertsGoToTheGivenEmailInBothRegions() {
        for (Template region : List.of(primary, secondary)) {
            region.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
                    "Protocol", "email", "Endpoint", "ops@example.com")));
        }
        assertThat(result.notes()).noneMatch(n -> n.contains("domainName") || n.contains("alertEmail"));
    }
}
