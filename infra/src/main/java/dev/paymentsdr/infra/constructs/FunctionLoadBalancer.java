package dev.paymentsdr.infra.constructs;

import dev.paymentsdr.infra.nag.Checkov;
import dev.paymentsdr.infra.nag.Nag;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.targets.LambdaTarget;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * An internet-facing ALB with the payment functions' ALB target ({@code PaymentLoadBalancerHandler}, which reads the
 * ALB's own event shape) behind it, so that a Global Accelerator (which takes ALBs, not API Gateway) can route to a
 * serverless region; the target group checks {@code /health/ready}, so a standby region (not writable, 503) counts as
 * unhealthy until it is promoted.
 */
public final class FunctionLoadBalancer extends Construct {
    private final ApplicationLoadBalancer loadBalancer;

    private FunctionLoadBalancer(Builder b) {
        super(b.scope, b.id);
        boolean https = b.certificate.isPresent();
        SecurityGroup group = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(b.vpc).description("public entry of the payment function").allowAllOutbound(false).build();
        group.addIngressRule(Peer.anyIpv4(), Port.tcp(https ? 443 : 80), "payment API clients and the accelerator");
        Nag.suppress(group, List.of("AwsSolutions-EC23", "PCI.DSS.321-EC2RestrictedCommonPorts", "PCI.DSS.321-EC2RestrictedSSH"),
                "The ALB is the public entry of the payment function behind the Global Accelerator; WAF filters requests.");
        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(b.vpc).internetFacing(true).securityGroup(group)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .dropInvalidHeaderFields(true)
                .build();
        loadBalancer.logAccessLogs(b.accessLogs, "alb/" + b.logPrefix);
        ApplicationListener listener = https
                ? loadBalancer.addListener("Https", BaseApplicationListenerProps.builder().port(443).protocol(ApplicationProtocol.HTTPS)
                        .certificates(List.of(ListenerCertificate.fromCertificateManager(b.certificate.get())))
                        .sslPolicy(SslPolicy.RECOMMENDED_TLS).open(false).build())
                : loadBalancer.addListener("Http", BaseApplicationListenerProps.builder().port(80).protocol(ApplicationProtocol.HTTP)
                        .open(false).build());
        if (!https) {
            String reason = "Synthesized without a domain (no domainName in the context), so there is no certificate to serve HTTPS "
                    + "with; with a domain this ALB listens on 443 only (HTTPS, TLS 1.2+). Production deployments pass a domain.";
            Nag.suppress(loadBalancer, List.of("PCI.DSS.321-ALBHttpToHttpsRedirection", "PCI.DSS.321-ELBTlsHttpsListenersOnly",
                    "PCI.DSS.321-ELBv2ACMCertificateRequired"), reason);
            Checkov.skip(listener, "CKV_AWS_2", reason);
            Checkov.skip(listener, "CKV_AWS_103", reason);
            Checkov.skip(group, "CKV_AWS_260", reason);
        }
        listener.addTargets("Function", AddApplicationTargetsProps.builder()
                .targets(List.of(new LambdaTarget(b.function)))
                .healthCheck(HealthCheck.builder().enabled(true).path("/health/ready").interval(Duration.seconds(30))
                        .timeout(Duration.seconds(10)).healthyThresholdCount(2).unhealthyThresholdCount(2).build())
                .build());
        // Only load balancers of this account may invoke the function (the target group's ARN would be circular here).
        b.function.getNode().findAll().stream()
                .filter(c -> c instanceof software.amazon.awscdk.services.lambda.CfnPermission p
                        && "elasticloadbalancing.amazonaws.com".equals(p.getPrincipal()))
                .forEach(c -> ((software.amazon.awscdk.services.lambda.CfnPermission) c).setSourceAccount(
                        software.amazon.awscdk.Stack.of(this).getAccount()));
    }

    /** The ALB. */
    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** Builder of {@link FunctionLoadBalancer}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private IVpc vpc;
        private IFunction function;
        private Optional<ICertificate> certificate = Optional.empty();
        private IBucket accessLogs;
        private String logPrefix;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts the load balancer {@code id} under {@code scope}. */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** The VPC (the ALB goes into its public subnets). */
        public Builder vpc(IVpc value) { this.vpc = value; return this; }
        /** The target function (its published alias), whose handler reads ALB events. */
        public Builder function(IFunction value) { this.function = value; return this; }
        /** Certificate for HTTPS (empty: HTTP only, for synthesis without a domain). */
        public Builder certificate(Optional<ICertificate> value) { this.certificate = value; return this; }
        /** Access-log bucket and prefix. */
        public Builder accessLogs(IBucket bucket, String prefix) { this.accessLogs = bucket; this.logPrefix = prefix; return this; }

        /** Creates the load balancer. */
        public FunctionLoadBalancer build() {
            if (vpc == null || function == null || accessLogs == null) {
                throw new IllegalArgumentException("FunctionLoadBalancer " + id + " needs vpc, function and accessLogs");
            }
            return new FunctionLoadBalancer(this);
        }
    }
}
