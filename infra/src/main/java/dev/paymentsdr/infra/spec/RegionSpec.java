package dev.paymentsdr.infra.spec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything one region of a blueprint contains, validated and immutable: network, database, service, functions,
 * queue, event bus, tables, buckets, backup, failover workflow, alarms and output keys. A blueprint writes the
 * primary's spec and derives the secondary's with {@link #toBuilder()}; impossible combinations are refused when
 * the spec is built, with a message that says what to add or drop.
 */
public final class RegionSpec {
    /** Which part the region plays. */
    public enum Role { PRIMARY, SECONDARY }

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-[0-9]");
    private static final Pattern CIDR16 = Pattern.compile("10\\.([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\\.0\\.0/16");

    private final Builder b;

    private RegionSpec(Builder builder) {
        this.b = builder.copy();
    }

    /** A builder with the defaults: 10.0.0.0/16, 3 NAT gateways, 1-year logs, web firewall, the flagship's alarms. */
    public static Builder builder(String region, Role role) {
        return new Builder(region, role);
    }

    /** A builder holding this spec's values, to derive the other region's spec. */
    public Builder toBuilder() {
        return b.copy();
    }

    public String region() { return b.region; }
    public Role role() { return b.role; }
    public boolean primary() { return b.role == Role.PRIMARY; }
    public String cidr() { return b.cidr; }
    public int natGateways() { return b.natGateways; }
    public RetentionDays logRetention() { return b.logRetention; }
    public Optional<DatabaseSpec> database() { return Optional.ofNullable(b.database); }
    public Optional<ServiceSpec> service() { return Optional.ofNullable(b.service); }
    public Optional<FunctionsSpec> functions() { return Optional.ofNullable(b.functions); }
    public Optional<QueueSpec> queue() { return Optional.ofNullable(b.queue); }
    public boolean eventBus() { return b.eventBus; }
    public boolean globalTable() { return b.globalTable; }
    public boolean auditBucket() { return b.auditBucket; }
    public boolean backup() { return b.backup; }
    public boolean failoverWorkflow() { return b.failoverWorkflow; }
    public boolean webFirewall() { return b.webFirewall; }
    public AlarmSpec alarms() { return b.alarms; }

    /** The output key of {@code output} (the document's key where the blueprint renamed it). */
    public String outputKey(Output output) {
        return b.outputKeys.getOrDefault(output, output.defaultKey());
    }

    /** Builder of {@link RegionSpec}; unset parts are absent. */
    public static final class Builder {
        private String region;
        private Role role;
        private String cidr = "10.0.0.0/16";
        private int natGateways = 3;
        private RetentionDays logRetention = RetentionDays.ONE_YEAR;
        private DatabaseSpec database;
        private ServiceSpec service;
        private FunctionsSpec functions;
        private QueueSpec queue;
        private boolean eventBus;
        private boolean globalTable;
        private boolean auditBucket;
        private boolean backup;
        private boolean failoverWorkflow;
        private boolean webFirewall = true;
        private AlarmSpec alarms = AlarmSpec.none();
        private Map<Output, String> outputKeys = new EnumMap<>(Output.class);

        private Builder(String region, Role role) {
            this.region = region;
            this.role = role;
        }

        private Builder copy() {
            Builder copy = new Builder(region, role);
            copy.cidr = cidr;
            copy.natGateways = natGateways;
            copy.logRetention = logRetention;
            copy.database = database;
            copy.service = service;
            copy.functions = functions;
            copy.queue = queue;
            copy.eventBus = eventBus;
            copy.globalTable = globalTable;
            copy.auditBucket = auditBucket;
            copy.backup = backup;
            copy.failoverWorkflow = failoverWorkflow;
            copy.webFirewall = webFirewall;
            copy.alarms = alarms;
            copy.outputKeys = new EnumMap<>(Output.class);
            copy.outputKeys.putAll(outputKeys);
            return copy;
        }

        /** The region and the part it plays. */
        public Builder region(String name, Role part) { this.region = name; this.role = part; return this; }
        /** The VPC's CIDR block, a 10.x.0.0/16. */
        public Builder cidr(String block) { this.cidr = block; return this; }
        /** NAT gateways (0: private subnets reach AWS only through VPC endpoints). */
        public Builder natGateways(int count) { this.natGateways = count; return this; }
        /** Retention of the application logs (functions, containers, workflow); audit logs keep a year. */
        public Builder logRetention(RetentionDays days) { this.logRetention = days; return this; }
        /** This region's member of the Aurora global database. */
        public Builder database(DatabaseSpec spec) { this.database = spec; return this; }
        /** The ECS Fargate payment service behind an ALB. */
        public Builder service(ServiceSpec spec) { this.service = spec; return this; }
        /** The payment functions. */
        public Builder functions(FunctionsSpec spec) { this.functions = spec; return this; }
        /** The order queue and its consumer function. */
        public Builder queue(QueueSpec spec) { this.queue = spec; return this; }
        /** The event bus with cross-region forwarding. */
        public Builder eventBus() { this.eventBus = true; return this; }
        /** The DynamoDB global table (created by the primary, replicated to the secondary). */
        public Builder globalTable() { this.globalTable = true; return this; }
        /** A versioned audit-log bucket besides the replicated bucket. */
        public Builder auditBucket() { this.auditBucket = true; return this; }
        /** AWS Backup: vault in each region, daily plan with cross-region copy in the primary. */
        public Builder backup() { this.backup = true; return this; }
        /** The "promote this region" workflow (needs the database and the functions). */
        public Builder failoverWorkflow() { this.failoverWorkflow = true; return this; }
        /** Without the WAF web ACL (only for designs without a public HTTP entry). */
        public Builder withoutWebFirewall() { this.webFirewall = false; return this; }
        /** The alarms and their thresholds. */
        public Builder alarms(AlarmSpec spec) { this.alarms = spec; return this; }
        /** Renames an output (a document's own output key). */
        public Builder outputKey(Output output, String key) {
            if (!key.matches("[A-Za-z0-9]{1,255}")) {
                throw new IllegalArgumentException("output key '" + key + "' must be 1-255 letters and digits (CloudFormation's rule)");
            }
            this.outputKeys.put(output, key);
            return this;
        }

        /** Validates and freezes the spec. */
        public RegionSpec build() {
            List<String> problems = new ArrayList<>();
            if (region == null || !REGION.matcher(region).matches()) {
                problems.add("region '" + region + "' is not an AWS region name like us-east-1");
            }
            if (!CIDR16.matcher(cidr).matches()) {
                problems.add("cidr '" + cidr + "' must be a 10.x.0.0/16 block");
            }
            if (natGateways < 0 || natGateways > 3) {
                problems.add("natGateways must be 0-3 (one per availability zone at most), got " + natGateways);
            }
            if (failoverWorkflow && database == null) {
                problems.add("failoverWorkflow() promotes the Aurora global database: add database(..) or drop failoverWorkflow()");
            }
            if (failoverWorkflow && functions == null) {
                problems.add("failoverWorkflow() validates the promoted region through the payment function: add functions(..)");
            }
            if ((alarms.replicationLag().isPresent() || alarms.databaseCpuPercent().isPresent()) && database == null) {
                problems.add("database alarms need database(..)");
            }
            if ((alarms.unhealthyTargets() || alarms.runningTasksBelowMinimum()) && service == null) {
                problems.add("service alarms need service(..)");
            }
            if ((alarms.functionErrors().isPresent() || alarms.functionThrottles().isPresent()) && functions == null) {
                problems.add("function alarms need functions(..)");
            }
            if (alarms.apiLatencyP99().isPresent() && (functions == null || functions.frontDoor() != FunctionsSpec.FrontDoor.REST_API)) {
                problems.add("the API latency alarm needs functions(FunctionsSpec.restApi())");
            }
            if ((alarms.tableReadThrottles().isPresent() || alarms.tableWriteThrottles().isPresent()) && !globalTable) {
                problems.add("table throttle alarms need globalTable()");
            }
            if (functions != null && !functions.inVpc() && database != null) {
                problems.add("functions outside the VPC cannot reach the Aurora database: use a FunctionsSpec with inVpc");
            }
            if (!webFirewall && (service != null || (functions != null && functions.frontDoor() == FunctionsSpec.FrontDoor.REST_API))) {
                problems.add("an ALB or REST API is a public entry: keep the web firewall");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("region spec for " + region + " (" + role + ") is not possible: "
                        + String.join("; ", problems));
            }
            return new RegionSpec(this);
        }
    }
}
