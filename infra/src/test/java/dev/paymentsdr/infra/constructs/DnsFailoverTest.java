package dev.paymentsdr.infra.constructs;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DnsFailoverTest {
    private static final DnsFailover.Endpoint EAST = new DnsFailover.Endpoint("east", "east.example.net", "/health/ready",
            "east-alb.example.net", "ZEAST");
    private static final DnsFailover.Endpoint WEST = new DnsFailover.Endpoint("west", "west.example.net", "/health/ready",
            "west-alb.example.net", "ZWEST");

    @Test
    void withAZoneThePrimaryAndSecondaryRecordsFollowTheirHealthChecks() {
        Stack stack = TestStacks.stack("us-east-1");
        new DnsFailover(stack, "Dns", EAST, WEST, Optional.of(new DnsFailover.Zone("ZZONE", "api.example.com")));
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
        new DnsFailover(stack, "Dns", EAST, WEST, Optional.empty());
        Template template = Template.fromStack(stack);

        template.resourceCountIs("AWS::Route53::HealthCheck", 2);
        template.resourceCountIs("AWS::Route53::RecordSet", 0);
    }
}
