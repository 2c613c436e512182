package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.contract.Handlers;
import dev.paymentsdr.infra.SynthSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Seed 003 (the full stack, us-east-1/us-east-2): the values its document names. */
class Seed003BlueprintTest extends BlueprintTest {
    private Template primary;
    private Template secondary;
    private Template global;

    @Override
    protected String blueprint() {
        return "seed-003";
    }

    @BeforeAll
    void templates() {
        primary = template("Primary");
        secondary = template("Secondary");
        global = template("Global");
    }

    @Test
    void eachRegionHasThreeZonesWithANatGatewayEach() {
        for (Template region : List.of(primary, secondary)) {
            region.resourceCountIs("AWS::EC2::NatGateway", 3);
        }
    }

    @Test
    void provisionedAuroraPostgres14RunsAWriterAndAReaderPerRegionAndIsDestroyable() {
        primary.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of("Engine", "aurora-postgresql",
                "EngineVersion", "14.17", "DBClusterIdentifier", "dr-aurora-us-east-1-dev", "DeletionProtection", false)));
        secondary.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of("EngineVersion", "14.17",
                "DeletionProtection", false)));
        for (Template region : List.of(primary, secondary)) {
            region.resourcePropertiesCountIs("AWS::RDS::DBInstance", Match.objectLike(Map.of("DBInstanceClass", "db.r6g.large")), 2);
        }
        primary.hasResource("AWS::RDS::DBCluster", Match.objectLike(Map.of("DeletionPolicy", "Delete")));
    }

    @Test
    void paymentAndHealthFunctionsServeTheApiWithTheDocumentsNames() {
        primary.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("FunctionName", "dr-payment-processor-us-east-1-dev")));
        primary.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("FunctionName", "dr-health-check-us-east-1-dev")));
        primary.resourcePropertiesCountIs("AWS::ApiGateway::Method", Match.objectLike(Map.of("HttpMethod", "GET",
                "AuthorizationType", "NONE")), 2);
        primary.hasResourceProperties("AWS::DynamoDB::GlobalTable", Match.objectLike(Map.of("TableName", "dr-payments-dev")));
        primary.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("BucketName", "dr-payment-data-us-east-1-dev",
                "ReplicationConfiguration", Match.anyValue())));
    }

    @Test
    void eventsHaveADeadLetterQueueAndBackupsAreCopiedToTheOtherRegion() {
        primary.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("Targets", List.of(Match.objectLike(Map.of(
                "DeadLetterConfig", Match.objectLike(Map.of("Arn", Match.anyValue()))))))));
        primary.hasResourceProperties("AWS::Backup::BackupPlan", Match.objectLike(Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanRule", List.of(Match.objectLike(Map.of("CopyActions", List.of(Match.objectLike(Map.of(
                        "DestinationBackupVaultArn", "arn:aws:backup:us-east-2:123456789012:backup-vault:payments-dr-backup-dev")))))))))));
    }

    @Test
    void theGlobalAcceleratorSendsTrafficByHealthWithoutAManualDialChange() {
        for (String region : List.of("us-east-1", "us-east-2")) {
            global.hasResourceProperties("AWS::GlobalAccelerator::EndpointGroup", Match.objectLike(Map.of(
                    "EndpointGroupRegion", region, "TrafficDialPercentage", 100, "HealthCheckPath", "/health/ready")));
        }
        primary.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "TargetType", "lambda", "HealthCheckEnabled", true, "HealthCheckPath", "/health/ready")));
        global.hasOutput("GlobalAcceleratorDns", Match.anyValue());
    }

    @Test
    void theFailoverFindsTheEndpointGroupsInTheOutputs_andItsTriggerMayDialThemAndNothingElse() {
        global.hasOutput("PrimaryEndpointGroupArn", Match.objectLike(Map.of("Value", Match.objectLike(Map.of("Fn::GetAtt",
                Match.arrayWith(List.of("EndpointGroupArn")))))));
        global.hasOutput("SecondaryEndpointGroupArn", Match.anyValue());
        for (Template region : List.of(primary, secondary)) {
            region.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                    "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Action", Match.arrayWith(List.of("globalaccelerator:UpdateEndpointGroup")),
                            "Resource", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(
                                    ":globalaccelerator::")))))))))))))));
        }
        assertThat(global.toJSON().toString()).doesNotContain("globalaccelerator:*");
    }

    @Test
    void theLoadBalancerInvokesAFunctionWithTheAlbHandler_andTheRelayDrainsTheOutboxFromTheVpc() {
        for (Template region : List.of(primary, secondary)) {
            region.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Handler", Handlers.PAYMENT_LOAD_BALANCER,
                    "VpcConfig", Match.anyValue())));
            region.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of("TargetType", "lambda",
                    "Targets", List.of(Map.of("Id", Map.of("Ref", Match.stringLikeRegexp("FunctionsEntryLive.*")))))));
            region.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Handler", Handlers.OUTBOX_RELAY,
                    "ReservedConcurrentExecutions", 1, "VpcConfig", Match.anyValue())));
            region.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("ScheduleExpression", "rate(1 minute)")));
        }
        primary.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("FunctionName", "dr-payment-entry-us-east-1-dev")));
        String statements = String.join("\n", SynthSupport.rolePolicyStatements(primary, "OutboxRelayRelayFunctionServiceRole"));
        // the JDBC ledger's relay: the database secret, the archive prefix and the bus; no table, no reads of the bucket
        assertThat(statements).contains("secretsmanager:GetSecretValue").contains("transaction-log/*").contains("events:PutEvents")
                .doesNotContain("dynamodb:").doesNotContain("s3:GetObject");
    }

    @Test
    void dashboardsAlarmsAndTheDocumentsOutputsAreInBothRegions() {
        for (Template region : List.of(primary, secondary)) {
            region.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
            for (String metric : List.of("AuroraGlobalDBReplicationLag", "Errors", "Latency", "ReplicationLatency", "ReadThrottleEvents")) {
                region.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", metric)));
            }
            for (String output : List.of("ApiEndpoint", "HealthCheckUrl", "DynamoDbTable", "AuroraEndpoint", "S3Bucket")) {
                region.hasOutput(output, Match.anyValue());
            }
        }
    }

    @Test
    void theLoadBalancerEntryChecksApiKeysFromTheReplicatedSecret_andMayOnlyReadThatSecret() {
        Map<String, Map<String, Object>> secrets = primary.findResources("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("Name", "payments-dr/dev/api-keys",
                        "ReplicaRegions", List.of(Map.of("Region", "us-east-2")), "KmsKeyId", Match.anyValue())))));
        assertThat(secrets).hasSize(1);
        String secretId = secrets.keySet().iterator().next();
        primary.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("FunctionName", "dr-payment-entry-us-east-1-dev",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("PAYMENTS_API_KEYS_SECRET_ARN", Map.of("Ref", secretId)))))));
        secondary.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("FunctionName", "dr-payment-entry-us-east-2-dev",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("PAYMENTS_API_KEYS_SECRET_ARN",
                        "arn:aws:secretsmanager:us-east-2:123456789012:secret:payments-dr/dev/api-keys"))))));
        assertThat(secondary.toJSON().toString()).contains("secret:payments-dr/dev/api-keys-??????");

        // every statement that names the keys secret grants only GetSecretValue, and only the entry function's role has one
        List<String> primaryGrants = statementsNaming(primary, "\"" + secretId + "\"");
        List<String> secondaryGrants = statementsNaming(secondary, "api-keys-??????");
        for (List<String> grants : List.of(primaryGrants, secondaryGrants)) {
            assertThat(grants).hasSize(1);
            assertThat(grants.get(0)).contains("\"Action\":\"secretsmanager:GetSecretValue\"").doesNotContain("DescribeSecret")
                    .doesNotContain("secretsmanager:*");
        }
        assertThat(primary.toJSON().toString()).doesNotContain("secretsmanager:*");
    }

    /** The IAM policy statements (as JSON) in {@code template} whose text contains {@code needle}. */
    @SuppressWarnings("unchecked")
    private static List<String> statementsNaming(Template template, String needle) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> found = new java.util.ArrayList<>();
        template.findResources("AWS::IAM::Policy").values().forEach(policy -> {
            Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument");
            for (Object statement : (List<Object>) document.get("Statement")) {
                String json;
                try {
                    json = mapper.writeValueAsString(statement);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                if (json.contains(needle)) {
                    found.add(json);
                }
            }
        });
        return found;
    }
}
