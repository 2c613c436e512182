package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.contract.FailoverOutput;
import dev.paymentsdr.infra.blueprints.Naming.Name;
import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.constructs.DnsFailover;
import dev.paymentsdr.infra.constructs.Observability;
import dev.paymentsdr.infra.constructs.PaymentFunctions;
import dev.paymentsdr.infra.constructs.RegionKey;
import dev.paymentsdr.infra.constructs.TrafficAccelerator;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.constructs.Construct;

/**
 * The global stack (in us-east-1, where Route 53 health-check metrics live): a Route 53 health check per region
 * (HTTPS on its entry, or following one of its alarms), failover records when there is a domain, alarms on the
 * checks and, optionally, a Global Accelerator.
 */
public final class GlobalStack extends Stack {
    /** Region of the global stack. */
    public static final String REGION = "us-east-1";

    private final DnsFailover dns;

    private GlobalStack(Builder b) {
        super(b.scope, b.id, StackProps.builder()
                .stackName(b.naming.of(Name.GLOBAL_STACK))
                .description("payments-dr global traffic management (" + b.naming.suffix() + ")")
                .env(Environment.builder().account(b.settings.account().orElse(null)).region(REGION).build())
                .crossRegionReferences(true)
                .build());
        DrSettings settings = b.settings;
        RegionalStack primary = b.primary;
        RegionalStack secondary = b.secondary;
        // Checks that follow alarms have no host to point a record at: such a design gets checks (and their alarms) only.
        Optional<DnsFailover.Zone> zone = settings.dns().filter(d -> b.followAlarm.isEmpty()).map(d -> DnsFailover.Zone.byId(
                d.hostedZoneId().orElseGet(() -> primary.createdZoneId().orElseThrow()), d.apiRecordName()));
        dns = DnsFailover.Builder.create(this, "DnsFailover")
                .endpoints(endpoint(primary, zone.isPresent(), b.followAlarm), endpoint(secondary, zone.isPresent(), b.followAlarm))
                .interval(b.interval).failureThreshold(b.failureThreshold).zone(zone)
                .build();
        // Route 53 health-check metrics exist only in us-east-1, so their alarms live here with a topic of their own.
        RegionKey key = new RegionKey(this, "AlertsKey", b.naming.of(Name.KEY_ALIAS) + "-global-alerts");
        Observability observability = new Observability(this, "Observability", b.naming.of(Name.OPS, "global"), key.key(),
                settings.alertEmail());
        observability.watchHealthCheck(primary.getRegion(), dns.primaryHealthCheckId());
        observability.watchHealthCheck(secondary.getRegion(), dns.secondaryHealthCheckId());
        output("AlertTopicArn", observability.topic().getTopicArn(), "SNS topic of the health-check alarms");
        output(FailoverOutput.PRIMARY_HEALTH_CHECK_ID.key(), dns.primaryHealthCheckId(), "Route 53 health check of the primary region");
        output(FailoverOutput.SECONDARY_HEALTH_CHECK_ID.key(), dns.secondaryHealthCheckId(), "Route 53 health check of the secondary region");
        zone.ifPresent(z -> {
            output(b.domainOutputKey, z.recordName(), "failover DNS name of the payment API");
            if (!b.domainOutputKey.equals(FailoverOutput.PAYMENT_API_NAME.key())) {
                output(FailoverOutput.PAYMENT_API_NAME.key(), z.recordName(), "failover DNS name of the payment API (the key the failover reads)");
            }
            // a zone the primary stack created is named there; re-exporting an import would only chain the stacks tighter
            settings.dns().flatMap(d -> d.hostedZoneId()).ifPresent(id -> output(FailoverOutput.HOSTED_ZONE_ID.key(), id,
                    "hosted zone of the failover records"));
        });
        if (settings.globalAccelerator() || b.accelerator) {
            TrafficAccelerator accelerator = TrafficAccelerator.Builder.create(this, "Accelerator").name(b.naming.of(Name.ACCELERATOR))
                    .port(settings.dns().isPresent() ? 443 : 80).primary(primary.getRegion(), loadBalancer(primary))
                    .secondary(secondary.getRegion(), loadBalancer(secondary), b.secondaryDial).build();
            output(b.acceleratorOutputKey, accelerator.dnsName(), "Global Accelerator DNS name");
            output(FailoverOutput.PRIMARY_ENDPOINT_GROUP_ARN.key(), accelerator.primaryEndpointGroupArn(),
                    "Global Accelerator endpoint group of the primary region (the failover dials it)");
            output(FailoverOutput.SECONDARY_ENDPOINT_GROUP_ARN.key(), accelerator.secondaryEndpointGroupArn(),
                    "Global Accelerator endpoint group of the secondary region (the failover dials it)");
        }
    }

    private static IApplicationLoadBalancer loadBalancer(RegionalStack region) {
        return region.service().map(s -> (IApplicationLoadBalancer) s.loadBalancer())
                .or(() -> region.functionEntry().map(e -> e.loadBalancer()))
                .orElseThrow(() -> new IllegalArgumentException("globalAccelerator=true needs the payment service (ALB) or a "
                        + "function load balancer in both regions; this blueprint has none, so leave globalAccelerator unset"));
    }

    /**
     * What Route 53 checks in a region: an alarm of the region when the blueprint says so; with failover records the ALB
     * (HTTPS) or the REST API's custom domain is both the checked host and the alias target; otherwise the check goes to
     * the regional API Gateway endpoint, or the ALB over HTTP when there is no API.
     */
    private static DnsFailover.Endpoint endpoint(RegionalStack region, boolean records, Optional<String> followAlarm) {
        String name = region.getRegion();
        if (followAlarm.isPresent()) {
            return DnsFailover.Endpoint.alarm(name, region.observability().alarmName(followAlarm.get()), name);
        }
        if (region.service().isPresent() && (records || region.functions().flatMap(PaymentFunctions::api).isEmpty())) {
            var alb = region.service().get().loadBalancer();
            return new DnsFailover.Endpoint(name, alb.getLoadBalancerDnsName(), "/health/ready",
                    records ? alb.getLoadBalancerDnsName() : null, records ? alb.getLoadBalancerCanonicalHostedZoneId() : null,
                    Optional.empty(), records);
        }
        if (region.functions().flatMap(PaymentFunctions::api).isEmpty()) {
            throw new IllegalArgumentException("the global stack health-checks each region's payment API or ALB: compose " + name
                    + " with functions(FunctionsSpec.restApi()) or a service, or follow an alarm");
        }
        String host = region.functions().get().apiHost();
        String path = "/" + PaymentFunctions.STAGE + "/health/ready";
        if (records) {
            List<String> alias = region.apiDomainAlias().orElseThrow(() -> new IllegalStateException(
                    "failover records to the REST API need its custom domain in " + name));
            return DnsFailover.Endpoint.https(name, host, path, alias.get(0), alias.get(1));
        }
        return DnsFailover.Endpoint.https(name, host, path, null, null);
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    /** The DNS failover construct. */
    public DnsFailover dns() {
        return dns;
    }

    /** Builder of {@link GlobalStack}: the two regional stacks and how Route 53 and the accelerator watch them. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private DrSettings settings;
        private Naming naming;
        private RegionalStack primary;
        private RegionalStack secondary;
        private int interval = 10;
        private int failureThreshold = 3;
        private Optional<String> followAlarm = Optional.empty();
        private boolean accelerator;
        private int secondaryDial;
        private String domainOutputKey = FailoverOutput.PAYMENT_API_NAME.key();
        private String acceleratorOutputKey = "AcceleratorDnsName";

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts the global stack {@code id} in {@code scope} (the app). */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** Context and names. */
        public Builder settings(DrSettings value, Naming names) { this.settings = value; this.naming = names; return this; }
        /** The two regions. */
        public Builder regions(RegionalStack primaryStack, RegionalStack secondaryStack) {
            this.primary = primaryStack;
            this.secondary = secondaryStack;
            return this;
        }
        /** Route 53 check interval (10 or 30 s) and failure threshold (default 10 s, 3). */
        public Builder healthChecks(int seconds, int failures) { this.interval = seconds; this.failureThreshold = failures; return this; }
        /** Route 53 checks follow each region's alarm {@code alarm} (e.g. db-replication-lag) instead of probing HTTPS. */
        public Builder followAlarm(String alarm) { this.followAlarm = Optional.of(alarm); return this; }
        /**
         * Always adds the Global Accelerator; {@code secondaryDial} 0 is active-passive with a manual dial change, 100
         * moves traffic by health alone.
         */
        public Builder accelerator(int secondaryTrafficDial) { this.accelerator = true; this.secondaryDial = secondaryTrafficDial; return this; }
        /** Output keys of the failover DNS name and the accelerator's DNS name. */
        public Builder outputKeys(String domainName, String acceleratorDns) {
            this.domainOutputKey = domainName;
            this.acceleratorOutputKey = acceleratorDns;
            return this;
        }

        /** Creates the stack. */
        public GlobalStack build() {
            if (settings == null || primary == null || secondary == null) {
                throw new IllegalArgumentException("GlobalStack " + id + " needs settings(..) and regions(..)");
            }
            return new GlobalStack(this);
        }
    }
}
