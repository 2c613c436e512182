package dev.paymentsdr.cli.failover;

import dev.paymentsdr.failover.application.FailoverRequests;
import dev.paymentsdr.failover.application.ObservedExecutionLog;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.lab.failover.cli.DurationConverter;
import dev.paymentsdr.service.console.PhaseProgress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl failover}: an unplanned failover or a planned switchover, in the lab or on AWS. */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = "Move the primary role to the other region: unplanned failover (default) or --planned switchover.")
public final class FailoverCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private TargetOptions target;

    @Option(names = "--planned", description = "Planned switchover: drain, wait for zero lag, swap roles (RPO 0).")
    private boolean planned;

    @Option(names = "--to", paramLabel = "REGION", description = "Target region (default: the region that is not active).")
    private String to;

    @Option(names = "--allow-data-loss", description = "Promote even when the standby's lag exceeds --max-lag.")
    private boolean allowDataLoss;

    @Option(names = "--max-lag", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Lag gate: refuse an unplanned failover when the standby is further behind (default: ${DEFAULT-VALUE}).")
    private Duration maxLag;

    @Option(names = "--dry-run", description = "Print the plan, the resources and what the regions look like now; change nothing.")
    private boolean dryRun;

    @Option(names = "--execution-id", paramLabel = "ID",
            description = "Resume (or join) this execution instead of starting a new one.")
    private String executionId;

    @Override
    public Integer call() {
        try (FailoverTarget opened = target.open(spec.commandLine())) {
            FailoverRequest request = request(spec.commandLine(), opened, planned ? FailoverMode.PLANNED : FailoverMode.UNPLANNED,
                    to, maxLag, allowDataLoss, executionId);
            return run(opened, request, dryRun, spec.commandLine().getErr());
        }
    }

    /** The request from the flags; a usage error names the flag, what was wrong and what is accepted. */
    static FailoverRequest request(CommandLine cli, FailoverTarget target, FailoverMode mode, String to, Duration maxLag,
                                   boolean allowDataLoss, String executionId) {
        try {
            return target.requests().resolve(mode, Optional.ofNullable(to), maxLag, allowDataLoss,
                    Optional.ofNullable(executionId), "drctl " + mode.label() + " by " + System.getProperty("user.name"));
        } catch (FailoverRequests.InvalidRequestException e) {
            throw new CommandLine.ParameterException(cli, ("executionId".equals(e.field()) ? "--execution-id: " : "--to: ")
                    + e.getMessage());
        }
    }

    /** Prints the plan (dry run) or runs it, printing each record as it is written; exit 0 only when it completed. */
    static int run(FailoverTarget target, FailoverRequest request, boolean dryRun, java.io.PrintWriter err) {
        if (dryRun) {
            request.plan().describe().forEach(System.out::println);
            target.describeNow(request.from(), request.to()).forEach(System.out::println);
            System.out.println("Dry run: nothing was changed.");
            return 0;
        }
        System.out.println("Execution " + request.executionId() + " on " + target.name() + ": " + request.mode().label()
                + " from " + request.from() + " to " + request.to() + " (log: " + target.logLocation() + ")");
        ExecutionResult result;
        // each step as a phase on stderr; the execution's header and outcome stay on stdout
        try (PhaseProgress progress = PhaseProgress.on(request.mode() == FailoverMode.FAILBACK ? "failback" : "failover", err)) {
            result = target.runtime().withExecutionLog(log -> new ObservedExecutionLog(log, new StepProgress(progress)))
                    .orchestrator(dev.paymentsdr.failover.application.FailoverRuntime.processOwner()).run(request, false);
        }
        (result.succeeded() ? System.out : System.err).println(result.outcome() + ": " + result.message());
        hint(target, result).ifPresent(System.err::println);
        return result.succeeded() ? 0 : 1;
    }

    /** What the operator can do next, in the command line's own words. */
    static Optional<String> hint(FailoverTarget target, ExecutionResult result) {
        String again = "drctl " + (result.records().isEmpty() || result.records().get(0).request() == null ? "failover"
                : result.records().get(0).request().mode() == FailoverMode.FAILBACK ? "failback" : "failover")
                + " --target " + target.name();
        return switch (result.outcome()) {
            case FAILED -> Optional.of("To resume from the failed step once its cause is fixed: " + again
                    + " --execution-id " + result.executionId());
            case BUSY -> Optional.of("Follow it with 'drctl status --target " + target.name() + "'"
                    + (result.executionId() == null ? "" : ", or join it: " + again + " --execution-id " + result.executionId()));
            case REFUSED -> Optional.of("Nothing was promoted. For an unplanned failover: wait for the standby, raise --max-lag,"
                    + " or accept the loss with --allow-data-loss; then start a new execution (without --execution-id)");
            default -> Optional.empty();
        };
    }
}
