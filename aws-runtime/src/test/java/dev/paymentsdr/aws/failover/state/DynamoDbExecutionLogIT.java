package dev.paymentsdr.aws.failover.state;

import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.failover.port.contract.ExecutionLogContract;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The execution log contract on a DynamoDB table in moto. */
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

    @Override
    protected ExecutionLog log() {
        return new DynamoDbExecutionLog(world.clients().dynamoDb(AwsWorld.EAST_2), world.resources().stateTable());
    }

    @Override
    protected ExecutionLog sameLogFromAnotherProcess() {
        return log();
    }
}
