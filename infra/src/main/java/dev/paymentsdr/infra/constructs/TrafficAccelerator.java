package dev.paymentsdr.infra.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.globalaccelerator.Accelerator;
import software.amazon.awscdk.services.globalaccelerator.ConnectionProtocol;
import software.amazon.awscdk.services.globalaccelerator.EndpointGroup;
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
 * only once it is promoted or the primary fails its checks. The failover dials both groups itself (the target's to 100,
 * the old region's to 0), reading their ARNs from the global stack's outputs.
 */
public final class TrafficAccelerator extends Construct {
    private final Accelerator accelerator;
    private final EndpointGroup primaryGroup;
    private final EndpointGroup secondaryGroup;

    private TrafficAccelerator(Builder b) {
        super(b.scope, b.id);
        accelerator = Accelerator.Builder.create(this, "Accelerator").acceleratorName(b.name).build();
        Listener listener = accelerator.addListener("Listener", ListenerOptions.builder()
                .portRanges(List.of(PortRange.builder().fromPort(b.port).build()))
                .protocol(ConnectionProtocol.TCP)
                .clientAffinity(software.amazon.awscdk.services.globalaccelerator.ClientAffinity.SOURCE_IP)
                .build());
        primaryGroup = group(listener, "Primary", b.primaryRegion, b.primary, 100, b.port);
        secondaryGroup = group(listener, "Secondary", b.secondaryRegion, b.secondary, b.secondaryDial, b.port);
    }

    private EndpointGroup group(Listener listener, String id, String region, IApplicationLoadBalancer alb, int dial, int port) {
        return listener.addEndpointGroup(id, EndpointGroupOptions.builder()
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

    /** The primary region's endpoint group ARN: the failover dials it (stack output {@code PrimaryEndpointGroupArn}). */
    public String primaryEndpointGroupArn() {
        return primaryGroup.getEndpointGroupArn();
    }

    /** The secondary region's endpoint group ARN (stack output {@code SecondaryEndpointGroupArn}). */
    public String secondaryEndpointGroupArn() {
        return secondaryGroup.getEndpointGroupArn();
    }

    /** DNS name of the accelerator. */
    public String dnsName() {
        return accelerator.getDnsName();
    }

    /** Builder of {@link TrafficAccelerator}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private String name;
        private int port = 443;
        private String primaryRegion;
        private IApplicationLoadBalancer primary;
        private String secondaryRegion;
        private IApplicationLoadBalancer secondary;
        private int secondaryDial;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts the accelerator {@code id} under {@code scope}. */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** Accelerator name. */
        public Builder name(String value) { this.name = value; return this; }
        /** Listener port: 443 with HTTPS ALBs (default), 80 without a certificate. */
        public Builder port(int value) { this.port = value; return this; }
        /** The primary region's ALB (traffic dial 100). */
        public Builder primary(String region, IApplicationLoadBalancer alb) { this.primaryRegion = region; this.primary = alb; return this; }
        /** The secondary region's ALB and its traffic dial: 0 (default) for a manual change, 100 to fail over by health. */
        public Builder secondary(String region, IApplicationLoadBalancer alb, int trafficDial) {
            this.secondaryRegion = region;
            this.secondary = alb;
            this.secondaryDial = trafficDial;
            return this;
        }

        /** Creates the accelerator. */
        public TrafficAccelerator build() {
            if (name == null || primary == null || secondary == null) {
                throw new IllegalArgumentException("TrafficAccelerator " + id + " needs name, primary and secondary");
            }
            if (secondaryDial < 0 || secondaryDial > 100) {
                throw new IllegalArgumentException("the accelerator's traffic dial is a percentage 0-100, got " + secondaryDial);
            }
            return new TrafficAccelerator(this);
        }
    }
}
