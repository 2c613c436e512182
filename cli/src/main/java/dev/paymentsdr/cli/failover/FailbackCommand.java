package dev.paymentsdr.cli.failover;

import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl failback}: the old primary rejoins as a standby, then a planned switchover back to it. */
@Command(name = "failback", mixinStandardHelpOptions = true,
        description = "After a failover: make the old primary rejoin as a standby, then switch back to it.")
public final class FailbackCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private TargetOptions target;

    @Option(names = "--to", paramLabel = "REGION", description = "Region to fail back to (default: the region that is not active).")
    private String to;

    @Option(names = "--dry-run", description = "Print the plan, the resources and what the regions look like now; change nothing.")
    private boolean dryRun;

    @Option(names = "--execution-id", paramLabel = "ID", description = "Resume this failback execution.")
    private String executionId;

    @Override
    public Integer call() {
        try (FailoverTarget opened = target.open(spec.commandLine())) {
            FailoverRequest request = FailoverCommand.request(spec.commandLine(), opened, FailoverMode.FAILBACK, to,
                    Duration.ZERO, false, executionId);
            return FailoverCommand.run(opened, request, dryRun, spec.commandLine().getErr());
        }
    }
}
