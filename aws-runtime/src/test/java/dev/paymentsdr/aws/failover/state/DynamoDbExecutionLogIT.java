package dev.paymentsdr.aws.failover.state;

import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.failover.port.contract.ExecutionHistoryContract;
import dev.paymentsdr.failover.port.contract.ExecutionLogContract;
import dev.paymentsdr.failover.port.out.ExecutionHistory;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The execution log contract, and the history contract, on a DynamoDB table in moto. */
class DynamoDbExecutionLogIT extends ExecutionLogContract {
    private AwsWorld world;

    @BeforeEach
    void createTable() {
        world = new AwsWorld(MotoTest.server());
    }

    @AfterEach
    void close() {
        world.close();
    }

    private DynamoDbExecutionLog table() {
        return new DynamoDbExecutionLog(world.clients().dynamoDb(AwsWorld.EAST_2), world.resources().stateTable());
    }

    @Override
    protected ExecutionLog log() {
        return table();
    }

    @Override
    protected ExecutionLog sameLogFromAnotherProcess() {
        return table();
    }

    /** The listing of executions on the same table. */
    @Nested
    class History extends ExecutionHistoryContract {
        @Override
        protected ExecutionLog log() {
            return table();
        }

        @Override
        protected ExecutionHistory history() {
            return table();
        }
    }
}
