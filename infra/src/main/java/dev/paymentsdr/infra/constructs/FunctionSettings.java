package dev.paymentsdr.infra.constructs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * What every payments-dr function of a region shares: code, key, environment, log retention and, when the functions
 * run in the VPC, its subnets and security group. Immutable; built with {@link #builder()}.
 */
public final class FunctionSettings {
    /** Where in a VPC functions run. */
    public record Placement(IVpc vpc, SubnetSelection subnets, ISecurityGroup securityGroup) {
    }

    private final Code code;
    private final IKey key;
    private final Map<String, String> environment;
    private final RetentionDays logRetention;
    private final Optional<Placement> placement;

    private FunctionSettings(Builder b) {
        this.code = b.code;
        this.key = b.key;
        this.environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.logRetention = b.logRetention;
        this.placement = Optional.ofNullable(b.placement);
    }

    /** A builder (log retention defaults to one year; no VPC unless {@code inVpc} is called). */
    public static Builder builder() {
        return new Builder();
    }

    public Code code() { return code; }
    public IKey key() { return key; }
    /** Environment variables in insertion order. */
    public Map<String, String> environment() { return environment; }
    public RetentionDays logRetention() { return logRetention; }
    public Optional<Placement> placement() { return placement; }

    /** Builder of {@link FunctionSettings}. */
    public static final class Builder {
        private Code code;
        private IKey key;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private RetentionDays logRetention = RetentionDays.ONE_YEAR;
        private Placement placement;

        private Builder() {
        }

        /** The deployment package. */
        public Builder code(Code value) { this.code = value; return this; }
        /** KMS key for environment variables and logs. */
        public Builder key(IKey value) { this.key = value; return this; }
        /** Environment variables (added to those already set). */
        public Builder environment(Map<String, String> values) { this.environment.putAll(values); return this; }
        /** Retention of the functions' log groups. */
        public Builder logRetention(RetentionDays value) { this.logRetention = value; return this; }
        /** Runs the functions in {@code subnets} of {@code vpc} with {@code group}. */
        public Builder inVpc(IVpc vpc, SubnetSelection subnets, ISecurityGroup group) {
            this.placement = new Placement(vpc, subnets, group);
            return this;
        }

        /** The settings; code and key are required. */
        public FunctionSettings build() {
            if (code == null || key == null) {
                throw new IllegalArgumentException("FunctionSettings need code(..) and key(..)");
            }
            return new FunctionSettings(this);
        }
    }
}
