package dev.paymentsdr.lab.failover.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paymentsdr.failover.application.FailoverOrchestrator;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabStatus;
import dev.paymentsdr.lab.failover.LabFailover;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl status}: which region is active, each region's role and lag, and the last failover. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the active region, each region's database role and lag, and the last failover execution.")
public final class StatusCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private LabDirMixin labDir;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Lab lab = labDir.open(spec.commandLine());
        LabFailover failover = LabFailover.of(lab);
        LabStatus status = lab.status();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active_region", status.routesTo());
        out.put("front_door", status.frontDoorUrl());
        out.put("replication", status.replication());
        for (LabStatus.RegionStatus r : status.regions()) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("role", r.role());
            region.put("database", r.dbRunning() ? describe(failover.ports().database().role(RegionId.of(r.name()))) : "stopped");
            region.put("synchronous_standby_names", r.synchronousStandbyNames());
            region.put("replication_state", r.replicationState());
            region.put("sync_state", r.syncState());
            region.put("lag_bytes", r.lagBytes());
            region.put("lag_seconds", r.lagSeconds());
            region.put("service_ready", r.serviceReady());
            if (r.dbRunning() && Boolean.FALSE.equals(r.pgIsInRecovery()) && "''".equals(quoted(r.synchronousStandbyNames()))
                    && "sync".equals(status.replication())) {
                region.put("note", "running without a synchronous standby");
            }
            out.put("region " + r.name(), region);
        }
        Optional<ExecutionId> last = failover.executionLog().latest();
        if (last.isPresent()) {
            List<ExecutionRecord> records = failover.executionLog().read(last.get());
            Map<String, Object> execution = new LinkedHashMap<>();
            execution.put("id", last.get().value());
            execution.put("state", FailoverOrchestrator.stateOf(records).name());
            ExecutionRecord first = records.get(0);
            execution.put("mode", first.request().mode().label());
            execution.put("from", first.request().from().name());
            execution.put("to", first.request().to().name());
            execution.put("last_record", records.get(records.size() - 1).type() + " "
                    + Optional.ofNullable(records.get(records.size() - 1).step()).map(s -> s.label()).orElse("")
                    + " at " + records.get(records.size() - 1).at());
            out.put("last_execution", execution);
        }
        failover.ports().lease().holder().ifPresent(h -> out.put("running", h.describe()));
        if (json) {
            System.out.println(JSON.writeValueAsString(out));
        } else {
            print(out, "");
        }
        return 0;
    }

    private static String describe(DatabaseRole role) {
        return switch (role) {
            case PRIMARY -> "primary (writable)";
            case FENCED_PRIMARY -> "fenced primary (read-only until it rejoins as a standby)";
            case STANDBY -> "standby (in recovery)";
            case UNREACHABLE -> "not answering";
        };
    }

    private static String quoted(String value) {
        return value == null ? null : value.isEmpty() ? "''" : value;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> map, String indent) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getValue() instanceof Map) {
                System.out.println(indent + e.getKey() + ":");
                print((Map<String, Object>) e.getValue(), indent + "  ");
            } else {
                System.out.println(indent + e.getKey().replace('_', ' ') + ": " + (e.getValue() == null ? "-" : e.getValue()));
            }
        }
    }
}
