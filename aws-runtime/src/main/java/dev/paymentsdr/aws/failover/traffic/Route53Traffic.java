package dev.paymentsdr.aws.failover.traffic;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.aws.failover.Waiter;
import dev.paymentsdr.aws.failover.Waiter.Check;
import dev.paymentsdr.aws.failover.config.FailoverResources.Alias;
import dev.paymentsdr.aws.failover.config.FailoverResources.DnsRecords;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.Traffic;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.ResourceRecordSetFailover;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * The traffic port on Route 53 failover routing. A region is blocked by inverting its health check (Route 53
 * then treats it as unhealthy and stops answering with it, whatever the endpoint says); traffic moves by
 * pointing the PRIMARY failover record at the target and the SECONDARY at the old region, awaiting the
 * change until Route 53 reports it INSYNC. The active region is read back from Route 53 itself: the
 * PRIMARY record's region unless it is blocked, else the SECONDARY's. A deployment without a hosted zone
 * has health checks only: the first region whose check is not inverted is active.
 */
public final class Route53Traffic implements Traffic {
    /** Set identifiers of the two failover records, as the CDK app names them. */
    public static final String PRIMARY_SET_ID = "primary";
    public static final String SECONDARY_SET_ID = "secondary";

    private final Route53Client route53;
    private final List<RegionId> regions;
    private final Map<RegionId, String> healthChecks;
    private final Optional<DnsRecords> records;
    private final Map<RegionId, Alias> aliases;
    private final Waiter waiter;
    private final Duration syncTimeout;

    public Route53Traffic(Route53Client route53, List<RegionId> regions, Map<RegionId, String> healthChecks,
                          Optional<DnsRecords> records, Map<RegionId, Alias> aliases, Waiter waiter, Duration syncTimeout) {
        this.route53 = route53;
        this.regions = List.copyOf(regions);
        this.healthChecks = Map.copyOf(healthChecks);
        this.records = records;
        this.aliases = Map.copyOf(aliases);
        this.waiter = waiter;
        this.syncTimeout = syncTimeout;
    }

    @Override
    public List<RegionId> regions() {
        return regions;
    }

    @Override
    public Optional<RegionId> activeRegion() {
        if (records.isEmpty()) {
            return regions.stream().filter(r -> !isBlocked(r)).findFirst();
        }
        List<ResourceRecordSet> sets = failoverRecords(records.get());
        Optional<RegionId> primary = regionOf(sets, ResourceRecordSetFailover.PRIMARY);
        if (primary.isPresent() && !isBlocked(primary.get())) {
            return primary;
        }
        return regionOf(sets, ResourceRecordSetFailover.SECONDARY).filter(r -> !isBlocked(r));
    }

    @Override
    public String block(RegionId region) {
        String check = check(region);
        invert(check, true);
        return "Route 53 health check " + check + " of " + region + " inverted: Route 53 treats " + region
                + " as unhealthy and stops answering with it";
    }

    @Override
    public String routeTo(RegionId target, RegionId previous) {
        invert(check(previous), true);
        String how;
        if (records.isPresent()) {
            DnsRecords dns = records.get();
            String changeId;
            try {
                changeId = route53.changeResourceRecordSets(b -> b.hostedZoneId(dns.hostedZoneId())
                        .changeBatch(c -> c.comment("payments-dr: route " + dns.recordName() + " to " + target)
                                .changes(upsert(dns, PRIMARY_SET_ID, ResourceRecordSetFailover.PRIMARY, target),
                                        upsert(dns, SECONDARY_SET_ID, ResourceRecordSetFailover.SECONDARY, previous))))
                        .changeInfo().id();
            } catch (SdkException e) {
                throw new AwsFailoverException("Route 53 refused to point " + dns.recordName() + " at " + target + ": "
                        + e.getMessage(), e);
            }
            awaitInSync(changeId);
            how = "PRIMARY record " + dns.recordName() + " points at " + target + " (change " + changeId + " INSYNC), SECONDARY at "
                    + previous;
        } else {
            how = "no failover records (health checks only)";
        }
        invert(check(target), false);
        return "Route 53 routes to " + target + ": " + how + "; " + previous + "'s health check stays inverted";
    }

    private Change upsert(DnsRecords dns, String setId, ResourceRecordSetFailover role, RegionId region) {
        Alias alias = aliases.get(region);
        if (alias == null) {
            throw new AwsFailoverException("no alias target (load balancer) is configured for " + region
                    + "; the failover record " + dns.recordName() + " cannot point at it");
        }
        return Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(r -> r.name(dns.recordName()).type(RRType.A)
                .setIdentifier(setId).failover(role).healthCheckId(check(region))
                .aliasTarget(a -> a.dnsName(alias.dnsName()).hostedZoneId(alias.hostedZoneId()).evaluateTargetHealth(true)))
                .build();
    }

    private void awaitInSync(String changeId) {
        waiter.until("Route 53 change " + changeId + " reaching INSYNC", syncTimeout, () -> {
            try {
                ChangeStatus status = route53.getChange(b -> b.id(changeId)).changeInfo().status();
                return status == ChangeStatus.INSYNC ? Check.done(status) : Check.notYet(String.valueOf(status));
            } catch (SdkException e) {
                return Check.notYet("GetChange failed: " + e.getMessage());
            }
        });
    }

    private List<ResourceRecordSet> failoverRecords(DnsRecords dns) {
        String name = normalize(dns.recordName());
        try {
            return route53.listResourceRecordSets(b -> b.hostedZoneId(dns.hostedZoneId()).startRecordName(dns.recordName())
                            .startRecordType(RRType.A)).resourceRecordSets().stream()
                    .filter(r -> normalize(r.name()).equals(name) && r.failover() != null).toList();
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot read the failover records of " + dns.recordName() + " in zone "
                    + dns.hostedZoneId() + ": " + e.getMessage(), e);
        }
    }

    /** The region a record sends to: by its health check, else by its alias target. */
    private Optional<RegionId> regionOf(List<ResourceRecordSet> sets, ResourceRecordSetFailover role) {
        Optional<ResourceRecordSet> set = sets.stream().filter(r -> r.failover() == role).findFirst();
        if (set.isEmpty()) {
            return Optional.empty();
        }
        for (RegionId region : regions) {
            if (healthChecks.get(region).equals(set.get().healthCheckId())) {
                return Optional.of(region);
            }
        }
        if (set.get().aliasTarget() != null) {
            String target = normalize(set.get().aliasTarget().dnsName());
            return aliases.entrySet().stream().filter(e -> normalize(e.getValue().dnsName()).equals(target))
                    .map(Map.Entry::getKey).findFirst();
        }
        return Optional.empty();
    }

    /** True when the operator (this adapter) took the region out by inverting its health check. */
    public boolean isBlocked(RegionId region) {
        String check = check(region);
        try {
            return Boolean.TRUE.equals(route53.getHealthCheck(b -> b.healthCheckId(check)).healthCheck()
                    .healthCheckConfig().inverted());
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot read Route 53 health check " + check + " of " + region + ": "
                    + e.getMessage(), e);
        }
    }

    private void invert(String check, boolean inverted) {
        try {
            route53.updateHealthCheck(b -> b.healthCheckId(check).inverted(inverted));
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot " + (inverted ? "invert" : "restore") + " Route 53 health check " + check
                    + ": " + e.getMessage(), e);
        }
    }

    private String check(RegionId region) {
        String check = healthChecks.get(region);
        if (check == null) {
            throw new IllegalArgumentException("no Route 53 health check is configured for " + region + "; regions are "
                    + regions);
        }
        return check;
    }

    private static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
