package dev.paymentsdr.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import dev.paymentsdr.infra.nag.Nag;
import software.constructs.Construct;

/**
 * A VPC over three availability zones with public (load balancers), private (tasks, functions) and isolated
 * (database) subnets, gateway and interface endpoints for the AWS services the workloads call, and flow logs.
 */
public final class Network extends Construct {
    /** Interface endpoints the payment workloads call; the keys are the construct ids. */
    private static final Map<String, InterfaceVpcEndpointAwsService> INTERFACE_ENDPOINTS = Map.of(
            "SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
            "Kms", InterfaceVpcEndpointAwsService.KMS,
            "EcrApi", InterfaceVpcEndpointAwsService.ECR,
            "EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER,
            "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
            "Sqs", InterfaceVpcEndpointAwsService.SQS,
            "Sns", InterfaceVpcEndpointAwsService.SNS,
            "Events", InterfaceVpcEndpointAwsService.EVENTBRIDGE,
            "Sts", InterfaceVpcEndpointAwsService.STS,
            "XRay", InterfaceVpcEndpointAwsService.XRAY);

    private final Vpc vpc;

    /** Creates the VPC with {@code cidr}, the given three zones and {@code natGateways} NAT gateways. */
    public Network(Construct scope, String id, String cidr, List<String> availabilityZones, int natGateways, IKey logKey) {
        super(scope, id);
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(RetentionDays.ONE_YEAR)
                .encryptionKey(logKey)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(cidr))
                .availabilityZones(availabilityZones)
                .natGateways(natGateways)
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).mapPublicIpOnLaunch(false).build(),
                        // Without NAT gateways the private subnets reach AWS services through the endpoints only.
                        SubnetConfiguration.builder().name("private").subnetType(natGateways > 0
                                ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED).cidrMask(22).build(),
                        SubnetConfiguration.builder().name("isolated").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()))
                .flowLogs(Map.of("All", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                        .trafficType(FlowLogTrafficType.ALL)
                        .build()))
                .restrictDefaultSecurityGroup(true)
                .build();
        vpc.getPublicSubnets().forEach(subnet -> Nag.suppress(subnet, "PCI.DSS.321-VPCNoUnrestrictedRouteToIGW",
                "Public subnets hold only the internet-facing ALB and the NAT gateways, which need the default route to the internet gateway."));
        vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build());
        vpc.addGatewayEndpoint("DynamoDb", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.DYNAMODB).build());
        INTERFACE_ENDPOINTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                vpc.addInterfaceEndpoint(e.getKey(), InterfaceVpcEndpointOptions.builder()
                        .service(e.getValue())
                        .privateDnsEnabled(true)
                        .subnets(privateSubnets())
                        .build()));
        // Zones are named on purpose: offline, deterministic synthesis (no availability-zone lookup).
        for (var subnet : vpc.getPublicSubnets()) {
            acknowledgeNamedZone(subnet);
        }
        vpc.getPrivateSubnets().forEach(Network::acknowledgeNamedZone);
        vpc.getIsolatedSubnets().forEach(Network::acknowledgeNamedZone);
        Nag.suppress(vpc, "CdkNagValidationFailure",
                "Endpoint security groups allow 443 from the VPC CIDR, an intrinsic cdk-nag cannot evaluate; no rule opens them wider.");
    }

    private static void acknowledgeNamedZone(software.amazon.awscdk.services.ec2.ISubnet subnet) {
        software.amazon.awscdk.Validations.of(subnet).acknowledge(software.amazon.awscdk.Acknowledgment.builder()
                .id("CloudFormation-Validate::W3010")
                .reason("availability zones are named so that synthesis is offline and deterministic")
                .build());
    }

    /** The VPC. */
    public Vpc vpc() {
        return vpc;
    }

    /** Subnets for tasks and functions (egress through NAT when there is one, AWS services through endpoints). */
    public SubnetSelection privateSubnets() {
        return SubnetSelection.builder().subnetGroupName("private").build();
    }

    /** Subnets without a route to the internet, for the database. */
    public SubnetSelection isolatedSubnets() {
        return SubnetSelection.builder().subnetGroupName("isolated").build();
    }

    /** Route tables of the private and isolated subnets (for routes to a peered VPC). */
    public List<String> privateRouteTableIds() {
        List<String> ids = new java.util.ArrayList<>();
        vpc.selectSubnets(privateSubnets()).getSubnets().forEach(s -> ids.add(s.getRouteTable().getRouteTableId()));
        vpc.selectSubnets(isolatedSubnets()).getSubnets().forEach(s -> ids.add(s.getRouteTable().getRouteTableId()));
        return ids;
    }
}
