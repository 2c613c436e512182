package dev.paymentsdr.cli.failover;

import dev.paymentsdr.aws.failover.AwsClients;
import dev.paymentsdr.aws.failover.AwsFailover;
import dev.paymentsdr.aws.failover.state.DynamoDbExecutionLog;
import dev.paymentsdr.failover.application.FailoverRuntime;
import dev.paymentsdr.failover.application.Sleeper;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.ExecutionHistory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An AWS deployment as a failover target: Aurora, Route 53, ECS, DynamoDB and SNS through the AWS adapters. */
final class AwsTarget implements FailoverTarget {
    private final AwsFailover failover;
    private final AwsClients clients;
    private final String source;

    AwsTarget(AwsFailover failover, AwsClients clients, String source) {
        this.failover = failover;
        this.clients = clients;
        this.source = source;
    }

    static AwsTarget of(dev.paymentsdr.aws.failover.config.FailoverResources resources, AwsClients clients, String source) {
        return new AwsTarget(AwsFailover.create(resources, clients, AwsFailover.Timeouts.defaults(), Clock.systemUTC(),
                Sleeper.system()), clients, source);
    }

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public FailoverRuntime runtime() {
        return failover.runtime();
    }

    @Override
    public Optional<RegionId> recordedPrimary() {
        // Route 53 is the record of who serves; without it, the region Aurora reports as writer
        return failover.writerRegion();
    }

    @Override
    public String logLocation() {
        return "DynamoDB table " + failover.resources().stateTable() + " in " + failover.resources().stateTableRegion();
    }

    @Override
    public ExecutionHistory history() {
        return new DynamoDbExecutionLog(clients.dynamoDb(failover.resources().stateTableRegion()), failover.resources().stateTable());
    }

    @Override
    public List<String> describeNow(RegionId from, RegionId to) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("resources (" + source + "):");
        failover.describeNow().forEach(l -> lines.add("  " + l));
        lines.add("Now: " + runtime().snapshot(from, to));
        return lines;
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("resources", source);
        List<String> lines = failover.describeNow();
        for (int i = 0; i < lines.size(); i++) {
            out.put("state " + (i + 1), lines.get(i));
        }
        return out;
    }

    @Override
    public void close() {
        clients.close();
    }
}
