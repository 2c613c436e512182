package dev.paymentsdr.infra.constructs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.route53.CfnHealthCheck;
import software.amazon.awscdk.services.route53.CfnRecordSet;
import software.constructs.Construct;

/**
 * Route 53 failover between two regions: a health check per region (HTTPS on the region's entry, HTTP on an ALB that
 * has no certificate yet, or following a
 * CloudWatch alarm of the region) with a chosen interval (10 or 30 s) and failure threshold, and, when a hosted zone
 * is given, PRIMARY and SECONDARY records that follow those checks.
 */
public final class DnsFailover extends Construct {
    /** Set identifier of the PRIMARY record (the failover workflow upserts it). */
    public static final String PRIMARY_SET_ID = "primary";
    /** Set identifier of the SECONDARY record. */
    public static final String SECONDARY_SET_ID = "secondary";

    private final CfnHealthCheck primaryCheck;
    private final CfnHealthCheck secondaryCheck;

    private DnsFailover(Builder b) {
        super(b.scope, b.id);
        primaryCheck = healthCheck(this, "PrimaryHealthCheck", b.primary, b.interval, b.failureThreshold);
        secondaryCheck = healthCheck(this, "SecondaryHealthCheck", b.secondary, b.interval, b.failureThreshold);
        b.zone.ifPresent(z -> {
            record(this, "PrimaryRecord", z, b.primary, primaryCheck.getAttrHealthCheckId(), "PRIMARY", PRIMARY_SET_ID);
            record(this, "SecondaryRecord", z, b.secondary, secondaryCheck.getAttrHealthCheckId(), "SECONDARY", SECONDARY_SET_ID);
        });
    }

    /** A health check of {@code endpoint} every {@code interval} seconds, unhealthy after {@code failureThreshold} failures. */
    public static CfnHealthCheck healthCheck(Construct scope, String id, Endpoint endpoint, int interval, int failureThreshold) {
        CfnHealthCheck.HealthCheckConfigProperty config = endpoint.alarm().isPresent()
                ? CfnHealthCheck.HealthCheckConfigProperty.builder()
                        .type("CLOUDWATCH_METRIC")
                        .alarmIdentifier(CfnHealthCheck.AlarmIdentifierProperty.builder()
                                .name(endpoint.alarm().get().name()).region(endpoint.alarm().get().region()).build())
                        // No data (e.g. a region whose metrics stopped) keeps the last state instead of failing over on a gap.
                        .insufficientDataHealthStatus("LastKnownStatus")
                        .build()
                : CfnHealthCheck.HealthCheckConfigProperty.builder()
                        .type(endpoint.tls() ? "HTTPS" : "HTTP")
                        .fullyQualifiedDomainName(endpoint.healthHost())
                        .port(endpoint.tls() ? 443 : 80)
                        .resourcePath(endpoint.healthPath())
                        .requestInterval(interval)
                        .failureThreshold(failureThreshold)
                        .enableSni(endpoint.tls() ? true : null)
                        .measureLatency(true)
                        .build();
        return CfnHealthCheck.Builder.create(scope, id)
                .healthCheckConfig(config)
                .healthCheckTags(List.of(CfnHealthCheck.HealthCheckTagProperty.builder().key("Name").value(endpoint.name()).build()))
                .build();
    }

    /**
     * The failover record of {@code endpoint} in {@code zone}: an alias A record when the endpoint has an alias target,
     * else a CNAME to its host; {@code failover} is PRIMARY or SECONDARY (or a token choosing one).
     */
    public static CfnRecordSet record(Construct scope, String id, Zone zone, Endpoint endpoint, String healthCheckId,
                                      String failover, String setId) {
        CfnRecordSet.Builder record = CfnRecordSet.Builder.create(scope, id)
                .name(zone.recordName())
                .setIdentifier(setId)
                .failover(failover)
                .healthCheckId(healthCheckId);
        zone.hostedZoneId().ifPresent(record::hostedZoneId);
        zone.hostedZoneName().ifPresent(name -> record.hostedZoneName(name + "."));
        if (endpoint.aliasDnsName() != null) {
            record.type("A").aliasTarget(CfnRecordSet.AliasTargetProperty.builder()
                    .dnsName(endpoint.aliasDnsName())
                    .hostedZoneId(endpoint.aliasHostedZoneId())
                    .evaluateTargetHealth(true)
                    .build());
        } else {
            record.type("CNAME").ttl("60").resourceRecords(List.of(endpoint.healthHost()));
        }
        return record.build();
    }

    /** Route 53 status (1 healthy, 0 unhealthy) of a health check, minimum per minute; Route 53 publishes it in us-east-1. */
    public static Metric healthStatus(String healthCheckId) {
        return Metric.Builder.create()
                .namespace("AWS/Route53")
                .metricName("HealthCheckStatus")
                .dimensionsMap(Map.of("HealthCheckId", healthCheckId))
                .statistic("Minimum")
                .period(Duration.minutes(1))
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

    /** A CloudWatch alarm a health check follows. */
    public record AlarmRef(String name, String region) {
    }

    /**
     * One region's entry: where Route 53 checks health (HTTPS host and path, or an alarm) and the alias target of its
     * record (null: a CNAME to the health host).
     */
    public record Endpoint(String name, String healthHost, String healthPath, String aliasDnsName, String aliasHostedZoneId,
                           Optional<AlarmRef> alarm, boolean tls) {
        /** Checked over HTTPS at {@code host}{@code path}; the record aliases {@code aliasDnsName} (null: CNAME to host). */
        public static Endpoint https(String name, String host, String path, String aliasDnsName, String aliasHostedZoneId) {
            return new Endpoint(name, host, path, aliasDnsName, aliasHostedZoneId, Optional.empty(), true);
        }

        /** Healthy while alarm {@code alarmName} in {@code region} is not in ALARM. */
        public static Endpoint alarm(String name, String alarmName, String region) {
            return new Endpoint(name, null, null, null, null, Optional.of(new AlarmRef(alarmName, region)), true);
        }
    }

    /** The hosted zone (by id, or by name for a template that cannot reference the zone) and the record name clients use. */
    public record Zone(Optional<String> hostedZoneId, Optional<String> hostedZoneName, String recordName) {
        /** A zone given by id. */
        public static Zone byId(String hostedZoneId, String recordName) {
            return new Zone(Optional.of(hostedZoneId), Optional.empty(), recordName);
        }

        /** A zone given by name (without the trailing dot). */
        public static Zone byName(String hostedZoneName, String recordName) {
            return new Zone(Optional.empty(), Optional.of(hostedZoneName), recordName);
        }
    }

    /** Builder of {@link DnsFailover}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private Endpoint primary;
        private Endpoint secondary;
        private int interval = 10;
        private int failureThreshold = 3;
        private Optional<Zone> zone = Optional.empty();

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts the failover {@code id} under {@code scope}. */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** The two regions' entries. */
        public Builder endpoints(Endpoint primaryEndpoint, Endpoint secondaryEndpoint) {
            this.primary = primaryEndpoint;
            this.secondary = secondaryEndpoint;
            return this;
        }

        /** Seconds between checks: 10 (fast) or 30 (standard), the only values Route 53 accepts. */
        public Builder interval(int seconds) {
            if (seconds != 10 && seconds != 30) {
                throw new IllegalArgumentException("Route 53 health checks run every 10 or 30 seconds, not " + seconds);
            }
            this.interval = seconds;
            return this;
        }

        /** Consecutive failures before a region counts as unhealthy (1-10). */
        public Builder failureThreshold(int failures) {
            if (failures < 1 || failures > 10) {
                throw new IllegalArgumentException("Route 53 failure threshold must be 1-10, not " + failures);
            }
            this.failureThreshold = failures;
            return this;
        }

        /** The zone and record name of the failover records (empty: health checks only). */
        public Builder zone(Optional<Zone> value) {
            this.zone = value;
            return this;
        }

        /** Creates checks and records. */
        public DnsFailover build() {
            if (primary == null || secondary == null) {
                throw new IllegalArgumentException("DnsFailover " + id + " needs endpoints(primary, secondary)");
            }
            if (zone.isPresent() && (primary.alarm().isPresent() || secondary.alarm().isPresent())
                    && (primary.healthHost() == null || secondary.healthHost() == null)) {
                throw new IllegalArgumentException("DnsFailover " + id + ": records need a host or alias target per region; "
                        + "alarm-following checks alone have none");
            }
            return new DnsFailover(this);
        }
    }
}
