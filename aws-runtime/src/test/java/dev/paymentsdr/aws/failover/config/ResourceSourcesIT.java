package dev.paymentsdr.aws.failover.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.aws.failover.AwsClients;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stack outputs read from CloudFormation in moto, under the names the CDK app gives its stacks. */
class ResourceSourcesIT {
    private static final RegionId EAST_1 = RegionId.of("us-east-1");
    private static final RegionId EAST_2 = RegionId.of("us-east-2");

    private static String template(Map<String, String> outputs) {
        StringBuilder json = new StringBuilder("{\"Resources\":{\"Handle\":{\"Type\":\"AWS::CloudFormation::WaitConditionHandle\"}},"
                + "\"Outputs\":{");
        String separator = "";
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            json.append(separator).append('"').append(e.getKey()).append("\":{\"Value\":\"").append(e.getValue()).append("\"}");
            separator = ",";
        }
        return json.append("}}").toString();
    }

    @Test
    void givenTheThreeStacks_thenTheirOutputsBecomeSettings_andWhatTheyLackIsAMissingKey() {
        try (AwsClients clients = AwsClients.at(MotoTest.server().endpoint(), MotoTest.server().credentials())) {
            String suffix = "it" + System.nanoTime() % 100000;
            for (RegionId region : List.of(EAST_1, EAST_2)) {
                String kind = region.equals(EAST_1) ? "Primary" : "Secondary";
                clients.cloudFormation(region).createStack(b -> b.stackName("PaymentsDr-" + kind + "-" + suffix)
                        .templateBody(template(Map.of("GlobalClusterId", "payments-dr-global-" + suffix,
                                "DatabaseClusterId", "payments-dr-db-" + region + "-" + suffix, "ClusterName", "cluster-" + region,
                                "ServiceName", "api-" + region, "HealthUrl", "https://" + region + ".execute-api.example/prod/health/ready",
                                "AlertTopicArn", "arn:aws:sns:" + region + ":123456789012:ops", "LoadBalancerDns", "alb-" + region + ".elb.amazonaws.com"))));
            }
            clients.cloudFormation(EAST_1).createStack(b -> b.stackName("PaymentsDr-Global-" + suffix).templateBody(template(Map.of(
                    "PrimaryHealthCheckId", "11111111-2222-3333-4444-555555555555",
                    "SecondaryHealthCheckId", "66666666-7777-8888-9999-000000000000", "PaymentApiName", "api.example.com"))));
            List<String> notes = new ArrayList<>();

            Map<String, String> settings = ResourceSources.stackOutputs(suffix, EAST_1, EAST_2, clients::cloudFormation, notes);

            assertThat(notes).isEmpty();
            assertThat(settings).containsEntry("regions", "us-east-1,us-east-2")
                    .containsEntry("global-cluster", "payments-dr-global-" + suffix)
                    .containsEntry("region.us-east-2.db-cluster", "payments-dr-db-us-east-2-" + suffix)
                    .containsEntry("region.us-east-2.health-check-id", "66666666-7777-8888-9999-000000000000")
                    .containsEntry("probe-url", "https://api.example.com")
                    .containsEntry("route53.record-name", "api.example.com");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FailoverResources.parse(settings, "stacks " + suffix))
                    .hasMessageContaining("state-table: missing").hasMessageContaining("route53.hosted-zone-id: missing");

            List<String> absent = new ArrayList<>();
            ResourceSources.stackOutputs("nothing-here", EAST_1, EAST_2, clients::cloudFormation, absent);
            assertThat(absent).hasSize(3).allMatch(n -> n.contains("could not be read"));
        }
    }

    private static final String ACCELERATOR = "arn:aws:globalaccelerator::123456789012:accelerator/0a1b2c3d-0000-1111-2222-333344445555";

    @Test
    void givenStacksNamedByABlueprint_thenTheOutputsTheFailoverNeedsAllBecomeSettings_andParse() {
        try (AwsClients clients = AwsClients.at(MotoTest.server().endpoint(), MotoTest.server().credentials())) {
            String suffix = "st" + System.nanoTime() % 100000;
            for (RegionId region : List.of(EAST_1, EAST_2)) {
                Map<String, String> outputs = new java.util.LinkedHashMap<>();
                outputs.put("GlobalClusterId", "payments-dr-global-" + suffix);
                outputs.put("DatabaseClusterId", "payments-dr-db-" + region + "-" + suffix);
                outputs.put("ClusterName", "cluster-" + region);
                outputs.put("ServiceName", "api-" + region);
                outputs.put("LoadBalancerDns", "alb-" + region + ".elb.amazonaws.com");
                outputs.put("LoadBalancerCanonicalHostedZoneId", "Z35SXDOTRQ7X7K");
                outputs.put("MinTaskCount", region.equals(EAST_1) ? "10" : "2");
                outputs.put("AlertTopicArn", "arn:aws:sns:" + region + ":123456789012:ops");
                outputs.put("FailoverStateTable", "payments-dr-failover-" + suffix);
                clients.cloudFormation(region).createStack(b -> b.stackName("trading-" + region + "-" + suffix)
                        .templateBody(template(outputs)));
            }
            clients.cloudFormation(EAST_1).createStack(b -> b.stackName("trading-dns-" + suffix).templateBody(template(Map.of(
                    "PrimaryHealthCheckId", "11111111-2222-3333-4444-555555555555",
                    "SecondaryHealthCheckId", "66666666-7777-8888-9999-000000000000", "PaymentApiName", "api.example.com",
                    "HostedZoneId", "Z0123456789ABCDEFGHIJ", "PrimaryEndpointGroupArn", ACCELERATOR + "/listener/0a1b2c3d/endpoint-group/aaa111",
                    "SecondaryEndpointGroupArn", ACCELERATOR + "/listener/0a1b2c3d/endpoint-group/bbb222"))));
            ResourceSources.Stacks stacks = ResourceSources.Stacks.parse("PAYMENTS_FAILOVER_STACKS", "primary=us-east-1/trading-us-east-1-"
                    + suffix + ";secondary=us-east-2/trading-us-east-2-" + suffix + ";global=us-east-1/trading-dns-" + suffix);
            List<String> notes = new ArrayList<>();

            FailoverResources resources = FailoverResources.parse(ResourceSources.stackOutputs(stacks, clients::cloudFormation, notes),
                    "stacks");

            assertThat(notes).isEmpty();
            assertThat(resources.stateTable()).isEqualTo("payments-dr-failover-" + suffix);
            assertThat(resources.dns()).hasValueSatisfying(d -> assertThat(d.hostedZoneId()).isEqualTo("Z0123456789ABCDEFGHIJ"));
            assertThat(resources.region(EAST_2).alias()).hasValueSatisfying(a -> assertThat(a.hostedZoneId()).isEqualTo("Z35SXDOTRQ7X7K"));
            assertThat(resources.region(EAST_1).minTasks()).isEqualTo(10);
            assertThat(resources.accelerator()).hasValueSatisfying(a -> {
                assertThat(a.acceleratorArn()).isEqualTo(ACCELERATOR);
                assertThat(a.endpointGroups().get(EAST_2)).endsWith("/endpoint-group/bbb222");
            });
            assertThat(resources.region(EAST_2).healthUrl().orElseThrow()).hasToString("https://alb-us-east-2.elb.amazonaws.com/health/ready");
        }
    }

    @Test
    void badlyNamedStacksAreRefusedSayingTheFormat() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResourceSources.Stacks.parse("PAYMENTS_FAILOVER_STACKS",
                "primary=us-east-1/A;secondary=B")).hasMessageContaining("must name exactly primary, secondary and global");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResourceSources.Stacks.parse("PAYMENTS_FAILOVER_STACKS",
                "primary=us-east-1/A;secondary=nowhere;global=us-east-1/C")).hasMessageContaining("secondary='nowhere' is not REGION/STACK");
    }
}
