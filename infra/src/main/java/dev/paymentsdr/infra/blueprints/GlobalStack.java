package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.constructs.DnsFailover;
import dev.paymentsdr.infra.constructs.Observability;
import dev.paymentsdr.infra.constructs.RegionKey;
import dev.paymentsdr.infra.constructs.PaymentFunctions;
import dev.paymentsdr.infra.constructs.TrafficAccelerator;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The global stack (in us-east-1, where Route 53 health-check metrics live): Route 53 health checks and failover
 * records for the two regions, alarms on those checks and, optionally, a Global Accelerator.
 */
public final class GlobalStack extends Stack {
    /** Region of the global stack. */
    public static final String REGION = "us-east-1";

    private final DnsFailover dns;

    /** Composes the global stack over the two regional stacks. */
    public GlobalStack(Construct scope, String id, DrSettings settings, Naming naming, RegionalStack primary,
                       RegionalStack secondary) {
        super(scope, id, StackProps.builder()
                .stackName(naming.stack("Global"))
                .description("payments-dr global traffic management (" + naming.suffix() + ")")
                .env(Environment.builder().account(settings.account().orElse(null)).region(REGION).build())
                .crossRegionReferences(true)
                .build());
        boolean services = primary.service() != null && secondary.service() != null;
        // Failover records alias the ALBs; a design without the ECS service gets health checks only.
        Optional<DnsFailover.Zone> zone = settings.dns().filter(d -> services)
                .map(d -> new DnsFailover.Zone(d.hostedZoneId(), d.apiRecordName()));
        dns = new DnsFailover(this, "DnsFailover", endpoint(primary, zone.isPresent()), endpoint(secondary, zone.isPresent()), zone);
        // Route 53 health-check metrics exist only in us-east-1, so their alarms live here with a topic of their own.
        RegionKey key = new RegionKey(this, "AlertsKey", naming.shared("global-alerts"));
        Observability observability = new Observability(this, "Observability", naming.regional("ops", "global"), key.key(),
                settings.alertEmail());
        observability.watchHealthCheck(primary.getRegion(), dns.primaryHealthCheckId());
        observability.watchHealthCheck(secondary.getRegion(), dns.secondaryHealthCheckId());
        output("AlertTopicArn", observability.topic().getTopicArn(), "SNS topic of the health-check alarms");
        output("PrimaryHealthCheckId", dns.primaryHealthCheckId(), "Route 53 health check of the primary region");
        output("SecondaryHealthCheckId", dns.secondaryHealthCheckId(), "Route 53 health check of the secondary region");
        zone.ifPresent(z -> output("PaymentApiName", z.recordName(), "failover DNS name of the payment API"));
        if (settings.globalAccelerator()) {
            if (!services) {
                throw new IllegalArgumentException("globalAccelerator=true needs the payment service (ALB) in both regions; "
                        + "this blueprint has none, so leave globalAccelerator unset");
            }
            TrafficAccelerator accelerator = new TrafficAccelerator(this, "Accelerator", naming.shared("accelerator"),
                    primary.service().https() ? 443 : 80,
                    primary.getRegion(), primary.service().loadBalancer(),
                    secondary.getRegion(), secondary.service().loadBalancer());
            output("AcceleratorDnsName", accelerator.dnsName(), "Global Accelerator DNS name");
        }
    }

    /**
     * With failover records the ALB (HTTPS) is both the health-checked host and the alias target; otherwise the check
     * goes to the regional API Gateway endpoint, which always speaks HTTPS.
     */
    private static DnsFailover.Endpoint endpoint(RegionalStack region, boolean records) {
        String name = region.getRegion();
        if (records) {
            String albDns = region.service().loadBalancer().getLoadBalancerDnsName();
            return new DnsFailover.Endpoint(name, albDns, "/health/ready", albDns,
                    region.service().loadBalancer().getLoadBalancerCanonicalHostedZoneId());
        }
        if (region.functions() == null) {
            throw new IllegalArgumentException("the global stack health-checks each region's payment API (or, with a domain, "
                    + "its ALB): compose " + name + " with functions or with the service and a domain");
        }
        return new DnsFailover.Endpoint(name, region.functions().apiHost(), "/" + PaymentFunctions.STAGE + "/health/ready",
                null, null);
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    /** The DNS failover construct. */
    public DnsFailover dns() {
        return dns;
    }
}
