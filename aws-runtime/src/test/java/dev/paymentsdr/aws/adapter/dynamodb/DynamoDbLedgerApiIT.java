package dev.paymentsdr.aws.adapter.dynamodb;

import dev.paymentsdr.aws.adapter.AwsAdapterFactory;
import dev.paymentsdr.aws.adapter.AwsClients;
import dev.paymentsdr.aws.testing.MotoServer;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.backend.AdapterCatalog;
import dev.paymentsdr.service.backend.LedgerKind;
import dev.paymentsdr.service.backend.LocalAdapterFactory;
import dev.paymentsdr.service.contract.LedgerApiContract;
import dev.paymentsdr.service.testing.Closeables;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The ledger contract on the DynamoDB ledger, against a moto server (one for the class). */
class DynamoDbLedgerApiIT extends LedgerApiContract {
    private static final String TABLE = "payments-ledger-contract";
    private static MotoServer moto;
    private static DynamoDbClient dynamo;
    private static Path archive;
    private static PaymentServiceWiring wiring;

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
        AwsClients clients = new AwsClients(Optional.of(moto.endpoint()), Optional.of(moto.credentials()));
        dynamo = clients.dynamoDb("us-east-1");
        LedgerTables.create(dynamo, TABLE);
        archive = newArchive();
        wiring = PaymentServiceWiring.create(config(null, null, null, LedgerKind.DYNAMODB, Optional.of(TABLE), archive),
                AdapterCatalog.of(List.of(new AwsAdapterFactory(clients), new LocalAdapterFactory())));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(wiring, dynamo, moto);
        TemporaryPostgres.deleteTree(archive);
    }

    @Override
    protected PaymentServiceWiring wiring() {
        return wiring;
    }

    @Override
    protected Path archiveDirectory() {
        return archive;
    }

    @Override
    protected long count(Stored what) {
        return LedgerTables.items(dynamo, TABLE, switch (what) {
            case PAYMENTS -> "PAYMENT#";
            case IDEMPOTENCY_RECORDS -> "IDEMPOTENCY#";
            case PENDING_EVENTS -> "EVENT#";
        }).size();
    }

    @Override
    protected void emptyLedger() {
        LedgerTables.empty(dynamo, TABLE);
    }
}
