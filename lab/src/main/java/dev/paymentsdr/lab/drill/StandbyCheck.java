package dev.paymentsdr.lab.drill;

import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabRegion;
import dev.paymentsdr.localpg.Poll;
import dev.paymentsdr.localpg.replication.Replication;
import java.time.Duration;
import java.util.Optional;

/** Whether the lab's standby streams from its primary at the end of a run (a failback must leave one). */
final class StandbyCheck {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private StandbyCheck() {
    }

    static RunResult.StandbyCheck of(Lab lab) {
        LabRegion primary = lab.primary();
        LabRegion standby = lab.standby();
        Replication replication = new Replication(Duration.ofSeconds(2));
        Poll poll = Poll.system(Duration.ofMillis(200));
        boolean streaming = poll.within(poll.deadline(PATIENCE),
                () -> replication.streams(primary.db(), standby.db(), standby.replicationName()));
        Optional<String> sync = replication.syncState(primary.db(), standby.replicationName());
        return new RunResult.StandbyCheck(standby.name(), streaming, streaming
                ? standby.name() + " streams from " + primary.name() + sync.map(s -> " (" + s + ")").orElse("")
                : standby.name() + " does not stream from " + primary.name() + " within " + PATIENCE.toSeconds() + " s");
    }
}
