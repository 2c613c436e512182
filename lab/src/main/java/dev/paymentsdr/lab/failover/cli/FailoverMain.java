package dev.paymentsdr.lab.failover.cli;

import dev.paymentsdr.failover.application.FailoverRequests;
import dev.paymentsdr.failover.application.FailoverRuntime;
import dev.paymentsdr.failover.application.PrintingExecutionLog;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.failover.LabFailover;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The drills' failover process: an unplanned failover of a lab (or the resumption of one execution) in a
 * process of its own, so that a drill can kill it mid-way and prove that a rerun resumes. Operators use
 * {@code drctl failover}, which runs the same orchestrator.
 */
@Command(name = "lab-failover-process", description = "An unplanned failover of a lab in its own process (drills only).")
public final class FailoverMain implements Callable<Integer> {
    @Option(names = "--lab-dir", required = true, paramLabel = "DIR")
    private Path labDir;

    @Option(names = "--execution-id", paramLabel = "ID")
    private String executionId;

    @Option(names = "--max-lag", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class)
    private Duration maxLag;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FailoverMain()).execute(args));
    }

    @Override
    public Integer call() {
        Lab lab = Lab.open(labDir.toAbsolutePath().normalize());
        LabFailover failover = LabFailover.of(lab);
        FailoverRuntime runtime = failover.runtime();
        FailoverRequest request = new FailoverRequests(runtime.ports().traffic(), runtime.ports().log(),
                () -> Optional.of(RegionId.of(lab.primary().name())), runtime.clock())
                .resolve(FailoverMode.UNPLANNED, Optional.empty(), maxLag, false,
                        Optional.ofNullable(executionId), "drill failover process");
        ExecutionResult result = runtime.withExecutionLog(log -> new PrintingExecutionLog(log, System.out))
                .orchestrator(LabFailover.owner()).run(request, false);
        System.out.println(result.outcome() + ": " + result.message());
        return result.succeeded() ? 0 : 1;
    }
}
