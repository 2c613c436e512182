package dev.paymentsdr.infra.blueprints;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Seed 000 given only a domain (no zone id): the blueprint creates the hosted zone, serves HTTPS and fails over in DNS. */
class Seed000WithDomainTest extends BlueprintTest {
    @Override
    protected String blueprint() {
        return "seed-000";
    }

    @Override
    protected Map<String, Object> context() {
        return Map.of("domainName", "example.com", "alertEmail", "ops@example.com");
    }

    @Test
    void thePrimaryCreatesTheHostedZoneAndBothRegionsValidateTheirCertificatesInIt() {
        Template primary = template("Primary");
        primary.hasResourceProperties("AWS::Route53::HostedZone", Match.objectLike(Map.of("Name", "example.com.")));
        for (Template region : List.of(primary, template("Secondary"))) {
            region.hasResourceProperties("AWS::CertificateManager::Certificate", Match.objectLike(Map.of(
                    "DomainName", "payments.example.com", "ValidationMethod", "DNS")));
            region.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of("Port", 443, "Protocol", "HTTPS")));
            region.resourcePropertiesCountIs("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of("Port", 80)), 0);
        }
        template("Secondary").resourceCountIs("AWS::Route53::HostedZone", 0);
    }

    @Test
    void route53FailsOverBetweenTheAlbsOfTheCreatedZone() {
        Template route53 = template("Global");
        for (String failover : List.of("PRIMARY", "SECONDARY")) {
            route53.hasResourceProperties("AWS::Route53::RecordSet", Match.objectLike(Map.of(
                    "Name", "payments.example.com", "Type", "A", "Failover", failover, "HealthCheckId", Match.anyValue(),
                    "HostedZoneId", Match.anyValue(), "AliasTarget", Match.objectLike(Map.of("EvaluateTargetHealth", true)))));
        }
        route53.resourcePropertiesCountIs("AWS::Route53::HealthCheck", Match.objectLike(Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "HTTPS", "Port", 443, "ResourcePath", "/health/ready")))), 2);
    }
}
