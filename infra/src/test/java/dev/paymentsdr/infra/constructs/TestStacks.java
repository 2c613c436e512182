package dev.paymentsdr.infra.constructs;

import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.kms.Key;

/** Small stacks for construct tests. */
final class TestStacks {
    private TestStacks() {
    }

    /** A new app with one stack in {@code region} of account 123456789012. */
    static Stack stack(String region) {
        App app = App.Builder.create().context(Map.of("@aws-cdk/core:enablePartitionLiterals", true)).build();
        return new Stack(app, "Test", StackProps.builder()
                .env(Environment.builder().account("123456789012").region(region).build()).build());
    }

    /** A minimal two-AZ VPC with public, private and isolated subnets and no NAT gateway. */
    static Vpc vpc(Stack stack) {
        return Vpc.Builder.create(stack, "Vpc")
                .availabilityZones(java.util.List.of(stack.getRegion() + "a", stack.getRegion() + "b"))
                .natGateways(1)
                .subnetConfiguration(java.util.List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).build(),
                        SubnetConfiguration.builder().name("private").subnetType(SubnetType.PRIVATE_WITH_EGRESS).build(),
                        SubnetConfiguration.builder().name("isolated").subnetType(SubnetType.PRIVATE_ISOLATED).build()))
                .build();
    }

    /** A KMS key in the stack. */
    static Key key(Stack stack) {
        return Key.Builder.create(stack, "Key").enableKeyRotation(true).build();
    }
}
