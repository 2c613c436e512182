package dev.paymentsdr.lab.failover.cli;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.failover.LabFailover;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl failover}: an unplanned failover or a planned switchover of the running lab. */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = "Move the primary role to the other region: unplanned failover (default) or --planned switchover.")
public final class FailoverCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private LabDirMixin labDir;

    @Option(names = "--planned", description = "Planned switchover: drain, wait for zero lag, swap roles (RPO 0).")
    private boolean planned;

    @Option(names = "--to", paramLabel = "REGION", description = "Target region (default: the region that is not active).")
    private String to;

    @Option(names = "--allow-data-loss", description = "Promote even when the standby's lag exceeds --max-lag.")
    private boolean allowDataLoss;

    @Option(names = "--max-lag", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Lag gate: refuse an unplanned failover when the standby is further behind (default: ${DEFAULT-VALUE}).")
    private Duration maxLag;

    @Option(names = "--dry-run", description = "Print the plan and what the regions look like now; change nothing.")
    private boolean dryRun;

    @Option(names = "--execution-id", paramLabel = "ID",
            description = "Resume (or join) this execution instead of starting a new one.")
    private String executionId;

    @Override
    public Integer call() {
        Lab lab = labDir.open(spec.commandLine());
        LabFailover failover = LabFailover.of(lab);
        FailoverRequest request = buildRequest(spec.commandLine(), failover, planned ? FailoverMode.PLANNED : FailoverMode.UNPLANNED,
                to, maxLag, allowDataLoss, executionId);
        return run(failover, request, dryRun);
    }

    /** Builds the request from the flags and the lab; usage errors say what was wrong and what is accepted. */
    static FailoverRequest buildRequest(CommandLine cli, LabFailover failover, FailoverMode mode, String to,
                                        Duration maxLag, boolean allowDataLoss, String executionId) {
        if (executionId != null) {
            ExecutionId id;
            try {
                id = new ExecutionId(executionId);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cli, "--execution-id: " + e.getMessage());
            }
            List<ExecutionRecord> records = failover.executionLog().read(id);
            Optional<FailoverRequest> logged = records.stream().filter(r -> r.type() == RecordType.EXECUTION_STARTED)
                    .map(ExecutionRecord::request).findFirst();
            if (logged.isPresent()) {
                return logged.get();
            }
            throw new CommandLine.ParameterException(cli, "--execution-id: no execution '" + id + "' in "
                    + failover.executionLog().file() + "; nothing was done. Leave --execution-id out to start a new one"
                    + failover.executionLog().latest().map(last -> " (the latest execution is " + last + ")").orElse(""));
        }
        List<RegionId> regions = failover.ports().traffic().regions();
        RegionId active = activeRegion(failover);
        RegionId target;
        if (to != null) {
            Optional<RegionId> named = regions.stream().filter(r -> r.name().equals(to)).findFirst();
            if (named.isEmpty()) {
                throw new CommandLine.ParameterException(cli, "--to: no region '" + to + "' in the lab; regions are "
                        + regions.stream().map(RegionId::name).toList());
            }
            target = named.get();
        } else {
            target = regions.stream().filter(r -> !r.equals(active)).findFirst().orElseThrow(() ->
                    new CommandLine.ParameterException(cli, "the lab has no region other than " + active));
        }
        if (target.equals(active)) {
            throw new CommandLine.ParameterException(cli, "--to: " + target + " is already the active region;"
                    + " name the other region or leave --to out");
        }
        return new FailoverRequest(ExecutionId.generate(Instant.now()), mode, active, target,
                maxLag, allowDataLoss, "drctl " + mode.label() + " by " + System.getProperty("user.name"));
    }

    /** The region traffic goes to; when HAProxy does not say, the region the lab records as primary. */
    static RegionId activeRegion(LabFailover failover) {
        try {
            Optional<RegionId> routed = failover.ports().traffic().activeRegion();
            if (routed.isPresent()) {
                return routed.get();
            }
        } catch (RuntimeException e) {
            // HAProxy does not answer: fall back to the recorded roles
        }
        return RegionId.of(failover.lab().primary().name());
    }

    /** Prints the plan (dry run) or runs it, printing each record as it is written; exit 0 only when it completed. */
    static int run(LabFailover failover, FailoverRequest request, boolean dryRun) {
        if (dryRun) {
            request.plan().describe().forEach(System.out::println);
            System.out.println("Now: " + new LabSnapshot(failover).describe(request.from(), request.to()));
            System.out.println("Dry run: nothing was changed.");
            return 0;
        }
        System.out.println("Execution " + request.executionId() + ": " + request.mode().label() + " from "
                + request.from() + " to " + request.to() + " (log: " + failover.executionLog().file() + ")");
        LabFailover printing = failover.withExecutionLog(log -> new PrintingExecutionLog(log, System.out));
        ExecutionResult result = printing.orchestrator().run(request, false);
        (result.succeeded() ? System.out : System.err).println(result.outcome() + ": " + result.message());
        return result.succeeded() ? 0 : 1;
    }
}
