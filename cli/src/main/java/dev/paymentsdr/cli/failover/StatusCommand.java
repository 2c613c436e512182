package dev.paymentsdr.cli.failover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paymentsdr.failover.application.FailoverOrchestrator;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.port.out.FailoverPorts;
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
    private TargetOptions target;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        try (FailoverTarget opened = target.open(spec.commandLine())) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("target", opened.name());
            out.putAll(opened.status());
            FailoverPorts ports = opened.runtime().ports();
            Optional<ExecutionId> last = ports.log().latest();
            if (last.isPresent()) {
                List<ExecutionRecord> records = ports.log().read(last.get());
                Map<String, Object> execution = new LinkedHashMap<>();
                execution.put("id", last.get().value());
                execution.put("state", FailoverOrchestrator.stateOf(records).name());
                ExecutionRecord first = records.get(0);
                if (first.request() != null) {
                    execution.put("mode", first.request().mode().label());
                    execution.put("from", first.request().from().name());
                    execution.put("to", first.request().to().name());
                }
                ExecutionRecord latest = records.get(records.size() - 1);
                execution.put("last_record", latest.type() + " " + Optional.ofNullable(latest.step()).map(s -> s.label())
                        .orElse("") + " at " + latest.at());
                out.put("last_execution", execution);
            }
            ports.lease().holder().ifPresent(h -> out.put("running", h.describe()));
            if (json) {
                System.out.println(JSON.writeValueAsString(out));
            } else {
                print(out, "");
            }
            return 0;
        }
    }

    static String describe(DatabaseRole role) {
        return switch (role) {
            case PRIMARY -> "primary (writable)";
            case FENCED_PRIMARY -> "fenced primary (read-only until it rejoins as a standby)";
            case STANDBY -> "standby (in recovery)";
            case UNREACHABLE -> "not answering";
        };
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
