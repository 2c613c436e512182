package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.port.contract.ExecutionLogContract;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The execution log contract on the lab's JSON-lines file. */
class FileExecutionLogContractTest extends ExecutionLogContract {
    @TempDir
    Path dir;

    @Override
    protected ExecutionLog log() {
        return new FileExecutionLog(dir.resolve("executions.jsonl"));
    }

    @Override
    protected ExecutionLog sameLogFromAnotherProcess() {
        return new FileExecutionLog(dir.resolve("executions.jsonl"));
    }
}
