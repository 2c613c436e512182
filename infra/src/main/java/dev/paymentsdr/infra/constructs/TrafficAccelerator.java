package dev.paymentsdr.infra.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.globalaccelerator.Accelerator;
import software.amazon.awscdk.services.globalaccelerator.ConnectionProtocol;
import software.amazon.awscdk.services.globalaccelerator.EndpointGroupOptions;
import software.amazon.awscdk.services.globalaccelerator.HealthCheckProtocol;
import software.amazon.awscdk.services.globalaccelerator.Listener;
import software.amazon.awscdk.services.globalaccelerator.ListenerOptions;
import software.amazon.awscdk.services.globalaccelerator.PortRange;
import software.amazon.awscdk.services.globalaccelerator.endpoints.ApplicationLoadBalancerEndpoint;
import software.amazon.awscdk.services.globalaccelerator.endpoints.ApplicationLoadBalancerEndpointOptions;
import software.constructs.Construct;

/**
 * Optional Global Accelerator in front of both regions' ALBs: one endpoint group per region. With the secondary's
 * traffic dial at 0 (active-passive) the operator or runbook raises it on failover; at 100 the accelerator moves
 * traffic by health alone: a standby region's {@code /health/ready} answers 503 (not writable), so it receives traffic
 * only once it is promoted or the primary fails its checks.
 */
public final class TrafficAccelerator extends Construct {
    private final Accelerator accelerator;

    /** Creates the accelerator listening on {@code port} (443 with HTTPS ALBs, else 80); {@code secondaryDial} is 0-100. */
    public TrafficAccelerator(Construct scope, String id, String name, int port,
                              String primaryRegion, IApplicationLoadBalancer primary,
                              String secondaryRegion, IApplicationLoadBalancer secondary, int secondaryDial) {
        super(scope, id);
        accelerator = Accelerator.Builder.create(this, "Accelerator").acceleratorName(name).build();
        Listener listener = accelerator.addListener("Listener", ListenerOptions.builder()
                .portRanges(List.of(PortRange.builder().fromPort(port).build()))
                .protocol(ConnectionProtocol.TCP)
                .clientAffinity(software.amazon.awscdk.services.globalaccelerator.ClientAffinity.SOURCE_IP)
                .build());
        group(listener, "Primary", primaryRegion, primary, 100, port);
        group(listener, "Secondary", secondaryRegion, secondary, secondaryDial, port);
    }

    private void group(Listener listener, String id, String region, IApplicationLoadBalancer alb, int dial, int port) {
        listener.addEndpointGroup(id, EndpointGroupOptions.builder()
                .region(region)
                .trafficDialPercentage(dial)
                .healthCheckInterval(Duration.seconds(10))
                .healthCheckThreshold(3)
                .healthCheckPath("/health/ready")
                .healthCheckPort(port)
                .healthCheckProtocol(port == 443 ? HealthCheckProtocol.HTTPS : HealthCheckProtocol.HTTP)
                .endpoints(List.of(new ApplicationLoadBalancerEndpoint(alb,
                        ApplicationLoadBalancerEndpointOptions.builder().preserveClientIp(true).build())))
                .build());
    }

    /** DNS name of the accelerator. */
    public String dnsName() {
        return accelerator.getDnsName();
    }
}
