package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.port.contract.ExecutionHistoryContract;
import dev.paymentsdr.failover.port.out.ExecutionHistory;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The execution history contract on the lab's JSON-lines file. */
class FileExecutionHistoryContractTest extends ExecutionHistoryContract {
    @TempDir
    Path dir;

    @Override
    protected ExecutionLog log() {
        return new FileExecutionLog(dir.resolve("executions.jsonl"));
    }

    @Override
    protected ExecutionHistory history() {
        return new FileExecutionLog(dir.resolve("executions.jsonl"));
    }
}
