package dev.paymentsdr.failover.port.out;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import java.util.List;
import java.util.Optional;

/** The durable record of every execution (lab: a JSON-lines file with fsync; AWS: DynamoDB). */
public interface ExecutionLog {
    /** Appends a record and returns only once it is durable. */
    void append(ExecutionRecord record);

    /** Every record of one execution, oldest first. */
    List<ExecutionRecord> read(ExecutionId executionId);

    /** The execution that started last, if any. */
    Optional<ExecutionId> latest();
}
