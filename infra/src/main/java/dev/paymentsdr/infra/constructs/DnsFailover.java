package dev.paymentsdr.infra.constructs;

import java.util.Optional;
import software.amazon.awscdk.services.route53.CfnHealthCheck;
import software.amazon.awscdk.services.route53.CfnRecordSet;
import software.constructs.Construct;

/**
 * Route 53 failover between two regions: an HTTPS health check per region (10-second interval, failure threshold 3)
 * and, when a hosted zone is given, PRIMARY and SECONDARY alias records that follow those checks.
 */
public final class DnsFailover extends Construct {
    /** Set identifier of the PRIMARY record (the failover workflow upserts it). */
    public static final String PRIMARY_SET_ID = "primary";
    /** Set identifier of the SECONDARY record. */
    public static final String SECONDARY_SET_ID = "secondary";

    private final CfnHealthCheck primaryCheck;
    private final CfnHealthCheck secondaryCheck;

    /** Creates the checks and, when {@code zone} is present, the failover records {@code zone.recordName()}. */
    public DnsFailover(Construct scope, String id, Endpoint primary, Endpoint secondary, Optional<Zone> zone) {
        super(scope, id);
        primaryCheck = healthCheck("PrimaryHealthCheck", primary);
        secondaryCheck = healthCheck("SecondaryHealthCheck", secondary);
        zone.ifPresent(z -> {
            record("PrimaryRecord", z, primary, primaryCheck, "PRIMARY", PRIMARY_SET_ID);
            record("SecondaryRecord", z, secondary, secondaryCheck, "SECONDARY", SECONDARY_SET_ID);
        });
    }

    private CfnHealthCheck healthCheck(String id, Endpoint endpoint) {
        return CfnHealthCheck.Builder.create(this, id)
                .healthCheckConfig(CfnHealthCheck.HealthCheckConfigProperty.builder()
                        .type("HTTPS")
                        .fullyQualifiedDomainName(endpoint.healthHost())
                        .port(443)
                        .resourcePath(endpoint.healthPath())
                        .requestInterval(10)
                        .failureThreshold(3)
                        .enableSni(true)
                        .measureLatency(true)
                        .build())
                .healthCheckTags(java.util.List.of(CfnHealthCheck.HealthCheckTagProperty.builder()
                        .key("Name").value(endpoint.name()).build()))
                .build();
    }

    private void record(String id, Zone zone, Endpoint endpoint, CfnHealthCheck check, String failover, String setId) {
        CfnRecordSet.Builder.create(this, id)
                .hostedZoneId(zone.hostedZoneId())
                .name(zone.recordName())
                .type("A")
                .setIdentifier(setId)
                .failover(failover)
                .healthCheckId(check.getAttrHealthCheckId())
                .aliasTarget(CfnRecordSet.AliasTargetProperty.builder()
                        .dnsName(endpoint.aliasDnsName())
                        .hostedZoneId(endpoint.aliasHostedZoneId())
                        .evaluateTargetHealth(true)
                        .build())
                .build();
    }

    /** Route 53 status (1 healthy, 0 unhealthy) of a health check, minimum per minute; Route 53 publishes it in us-east-1. */
    public static software.amazon.awscdk.services.cloudwatch.Metric healthStatus(String healthCheckId) {
        return software.amazon.awscdk.services.cloudwatch.Metric.Builder.create()
                .namespace("AWS/Route53")
                .metricName("HealthCheckStatus")
                .dimensionsMap(java.util.Map.of("HealthCheckId", healthCheckId))
                .statistic("Minimum")
                .period(software.amazon.awscdk.Duration.minutes(1))
                .build();
    }

    /** Id of the primary region's health check. */
    public String primaryHealthCheckId() {
        return primaryCheck.getAttrHealthCheckId();
    }

    /** Id of the secondary region's health check. */
    public String secondaryHealthCheckId() {
        return secondaryCheck.getAttrHealthCheckId();
    }

    /**
     * One region's entry: where Route 53 checks health (HTTPS host and path) and the alias target of its record.
     */
    public record Endpoint(String name, String healthHost, String healthPath, String aliasDnsName, String aliasHostedZoneId) {
    }

    /** The hosted zone (by id, no lookup) and the record name clients use. */
    public record Zone(String hostedZoneId, String recordName) {
    }
}
