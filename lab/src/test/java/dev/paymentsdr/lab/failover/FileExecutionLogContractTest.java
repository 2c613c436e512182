package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.port.contract.ExecutionHistoryContract;
import dev.paymentsdr.failover.port.contract.ExecutionLogContract;
import dev.paymentsdr.failover.port.out.ExecutionHistory;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The execution log contract, and the history contract, on the lab's JSON-lines file. */
class FileExecutionLogContractTest extends ExecutionLogContract {
    @TempDir
    Path dir;

    private FileExecutionLog file() {
        return new FileExecutionLog(dir.resolve("executions.jsonl"));
    }

    @Override
    protected ExecutionLog log() {
        return file();
    }

    @Override
    protected ExecutionLog sameLogFromAnotherProcess() {
        return file();
    }

    /** The listing of executions on the same file. */
    @Nested
    class History extends ExecutionHistoryContract {
        @Override
        protected ExecutionLog log() {
            return file();
        }

        @Override
        protected ExecutionHistory history() {
            return file();
        }
    }
}
