package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.constructs.DnsFailover;
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
 * records for the two regions and, optionally, a Global Accelerator.
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
        if (primary.service() == null || secondary.service() == null
                || (settings.dns().isEmpty() && (primary.functions() == null || secondary.functions() == null))) {
            throw new IllegalArgumentException("the global stack routes to each region's payment service (and, without a domain, "
                    + "health-checks each region's payment API): compose both regional stacks with service and functions");
        }
        Optional<DnsFailover.Zone> zone = settings.dns()
                .map(d -> new DnsFailover.Zone(d.hostedZoneId(), d.apiRecordName()));
        dns = new DnsFailover(this, "DnsFailover", endpoint(primary, settings), endpoint(secondary, settings), zone);
        output("PrimaryHealthCheckId", dns.primaryHealthCheckId(), "Route 53 health check of the primary region");
        output("SecondaryHealthCheckId", dns.secondaryHealthCheckId(), "Route 53 health check of the secondary region");
        zone.ifPresent(z -> output("PaymentApiName", z.recordName(), "failover DNS name of the payment API"));
        if (settings.globalAccelerator()) {
            TrafficAccelerator accelerator = new TrafficAccelerator(this, "Accelerator", naming.shared("accelerator"),
                    primary.service().https() ? 443 : 80,
                    primary.getRegion(), primary.service().loadBalancer(),
                    secondary.getRegion(), secondary.service().loadBalancer());
            output("AcceleratorDnsName", accelerator.dnsName(), "Global Accelerator DNS name");
        }
    }

    /**
     * With a domain the ALB (HTTPS) is both the health-checked host and the alias target; without one the check
     * goes to the regional API Gateway endpoint, which always speaks HTTPS.
     */
    private static DnsFailover.Endpoint endpoint(RegionalStack region, DrSettings settings) {
        String name = region.getRegion();
        String albDns = region.service().loadBalancer().getLoadBalancerDnsName();
        String albZone = region.service().loadBalancer().getLoadBalancerCanonicalHostedZoneId();
        if (settings.dns().isPresent()) {
            return new DnsFailover.Endpoint(name, albDns, "/health/ready", albDns, albZone);
        }
        return new DnsFailover.Endpoint(name, region.functions().apiHost(), "/" + PaymentFunctions.STAGE + "/health/ready",
                albDns, albZone);
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    /** The DNS failover construct. */
    public DnsFailover dns() {
        return dns;
    }
}
