package dev.paymentsdr.infra.constructs;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class NetworkAndKeyTest {
    @Test
    void theVpcSpansThreeZonesWithFlowLogsEndpointsAndNoPublicIpsOnLaunch() {
        Stack stack = TestStacks.stack("eu-west-1");
        RegionKey key = new RegionKey(stack, "Key", "data-key");
        new Network(stack, "Network", "10.9.0.0/16", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), 1, key.key());
        Template template = Template.fromStack(stack);

        template.hasResourceProperties("AWS::EC2::VPC", Match.objectLike(Map.of("CidrBlock", "10.9.0.0/16")));
        template.resourceCountIs("AWS::EC2::Subnet", 9);
        for (String zone : List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")) {
            template.resourcePropertiesCountIs("AWS::EC2::Subnet", Match.objectLike(Map.of("AvailabilityZone", zone)), 3);
        }
        template.resourcePropertiesCountIs("AWS::EC2::Subnet", Match.objectLike(Map.of("MapPublicIpOnLaunch", true)), 0);
        template.hasResourceProperties("AWS::EC2::FlowLog", Match.objectLike(Map.of("TrafficType", "ALL", "LogDestinationType", "cloud-watch-logs")));
        template.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 365, "KmsKeyId", Match.anyValue())));
        template.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of("VpcEndpointType", "Gateway")), 2);
        template.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
                "VpcEndpointType", "Interface", "PrivateDnsEnabled", true)), 10);
        template.hasResourceProperties("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
                "ServiceName", "com.amazonaws.eu-west-1.secretsmanager")));
        template.resourceCountIs("AWS::EC2::NatGateway", 1);
    }

    @Test
    void theRegionKeyRotatesAndHasTheSharedAlias() {
        Stack stack = TestStacks.stack("eu-west-1");
        new RegionKey(stack, "Key", "data-key");
        Template template = Template.fromStack(stack);

        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
                "EnableKeyRotation", true, "RotationPeriodInDays", 365)));
        template.hasResourceProperties("AWS::KMS::Alias", Match.objectLike(Map.of("AliasName", "alias/data-key")));
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("KeyPolicy", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowRegionalServices",
                        "Principal", Map.of("Service", Match.arrayWith(List.of("logs.eu-west-1.amazonaws.com"))))))))))));
    }
}
