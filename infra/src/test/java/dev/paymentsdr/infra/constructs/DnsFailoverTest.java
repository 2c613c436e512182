package dev.paymentsdr.infra.constructs;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DnsFailoverTest {
    private static final DnsFailover.Endpoint EAST = DnsFailover.Endpoint.https("east", "east.example.net", "/health/ready",
            "east-alb.example.net", "ZEAST");
    private static final DnsFailover.Endpoint WEST = DnsFailover.Endpoint.https("west", "west.example.net", "/health/ready",
            "west-alb.example.net", "ZWEST");

    @Test
    void withAZoneThePrimaryAndSecondaryRecordsFollowTheirHealthChecks() {
        Stack stack = TestStacks.stack("us-east-1");
        DnsFailover.Builder.create(stack, "Dns").endpoints(EAST, WEST)
                .zone(Optional.of(DnsFailover.Zone.byId("ZZONE", "api.example.com"))).build();
        Template template = Template.fromStack(stack);

        template.hasResourceProperties("AWS::Route53::HealthCheck", Match.objectLike(Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "HTTPS", "FullyQualifiedDomainName", "east.example.net", "Port", 443,
                "ResourcePath", "/health/ready", "RequestInterval", 10, "FailureThreshold", 3)))));
        template.hasResourceProperties("AWS::Route53::RecordSet", Match.objectLike(Map.of(
                "Name", "api.example.com", "Failover", "PRIMARY", "SetIdentifier", DnsFailover.PRIMARY_SET_ID,
                "HealthCheckId", Map.of("Fn::GetAtt", java.util.List.of(Match.stringLikeRegexp("DnsPrimaryHealthCheck.*"), "HealthCheckId")),
                "AliasTarget", Map.of("DNSName", "east-alb.example.net", "HostedZoneId", "ZEAST", "EvaluateTargetHealth", true))));
        template.hasResourceProperties("AWS::Route53::RecordSet", Match.objectLike(Map.of(
                "Failover", "SECONDARY", "SetIdentifier", DnsFailover.SECONDARY_SET_ID,
                "HealthCheckId", Map.of("Fn::GetAtt", java.util.List.of(Match.stringLikeRegexp("DnsSecondaryHealthCheck.*"), "HealthCheckId")),
                "AliasTarget", Match.objectLike(Map.of("DNSName", "west-alb.example.net")))));
    }

    @Test
    void withoutAZoneOnlyTheHealthChecksExist() {
        Stack stack = TestStacks.stack("us-east-1");
        DnsFailover.Builder.create(stack, "Dns").endpoints(EAST, WEST).build();
        Template template = Template.fromStack(stack);

        template.resourceCountIs("AWS::Route53::HealthCheck", 2);
        template.resourceCountIs("AWS::Route53::RecordSet", 0);
    }

    @Test
    void checksCanRunEveryThirtySecondsOrFollowAnAlarmAndOtherIntervalsAreRefused() {
        Stack stack = TestStacks.stack("us-east-1");
        DnsFailover.Builder.create(stack, "Dns").endpoints(EAST, DnsFailover.Endpoint.alarm("west", "west-lag", "us-west-2"))
                .interval(30).failureThreshold(3).build();
        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::Route53::HealthCheck", Match.objectLike(Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "HTTPS", "RequestInterval", 30, "FailureThreshold", 3)))));
        template.hasResourceProperties("AWS::Route53::HealthCheck", Match.objectLike(Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "CLOUDWATCH_METRIC", "AlarmIdentifier", Map.of("Name", "west-lag", "Region", "us-west-2"),
                "InsufficientDataHealthStatus", "LastKnownStatus")))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DnsFailover.Builder.create(stack, "Other").interval(20))
                .hasMessageContaining("every 10 or 30 seconds");
    }

    @Test
    void aZoneGivenByNameGetsACnameWhenTheEndpointHasNoAliasTarget() {
        Stack stack = TestStacks.stack("us-east-1");
        DnsFailover.Endpoint url = DnsFailover.Endpoint.https("east", "abc.lambda-url.us-east-1.on.aws", "/", null, null);
        DnsFailover.record(stack, "Record", DnsFailover.Zone.byName("pay.example.com", "api.pay.example.com"), url, "hc-1",
                "PRIMARY", DnsFailover.PRIMARY_SET_ID);
        Template.fromStack(stack).hasResourceProperties("AWS::Route53::RecordSet", Match.objectLike(Map.of(
                "HostedZoneName", "pay.example.com.", "Type", "CNAME", "ResourceRecords", java.util.List.of("abc.lambda-url.us-east-1.on.aws"),
                "Failover", "PRIMARY", "HealthCheckId", "hc-1")));
    }
}
