package dev.paymentsdr.aws.adapter;

import dev.paymentsdr.aws.adapter.archive.S3TransactionLogArchive;
import dev.paymentsdr.aws.adapter.archive.S3TransactionLogReader;
import dev.paymentsdr.aws.adapter.dynamodb.DynamoDbPaymentLedger;
import dev.paymentsdr.aws.adapter.dynamodb.DynamoDbPaymentOutbox;
import dev.paymentsdr.aws.adapter.dynamodb.DynamoDbReadinessProbe;
import dev.paymentsdr.aws.adapter.events.EventBridgePaymentPublisher;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.port.out.PaymentEventPublisher;
import dev.paymentsdr.payments.port.out.TransactionLogArchive;
import dev.paymentsdr.payments.port.out.TransactionLogReader;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.backend.ArchiveLocation;
import dev.paymentsdr.service.backend.LedgerAdapters;
import dev.paymentsdr.service.backend.LedgerKind;
import dev.paymentsdr.service.backend.PaymentAdapterFactory;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The AWS adapters of the payment ports: the DynamoDB ledger, the EventBridge publisher and the S3 archive. */
public final class AwsAdapterFactory implements PaymentAdapterFactory {
    private final AwsClients clients;

    /** Used through ServiceLoader: the SDK's default credentials, and AWS_ENDPOINT_URL when set. */
    public AwsAdapterFactory() {
        this(AwsClients.fromEnvironment(System.getenv()));
    }

    public AwsAdapterFactory(AwsClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public Optional<LedgerAdapters> ledger(ServiceConfig config, Function<Payment, String> responseBody) {
        if (config.backends().ledger() != LedgerKind.DYNAMODB) {
            return Optional.empty();
        }
        String table = config.backends().table().orElseThrow();
        DynamoDbClient client = clients.dynamoDb(config.region());
        DynamoDbPaymentLedger ledger = new DynamoDbPaymentLedger(client, table, config.region());
        return Optional.of(new LedgerAdapters(ledger, ledger, ledger, ledger,
                new DynamoDbPaymentOutbox(client, table, config.region(), Clock.systemUTC()),
                new DynamoDbReadinessProbe(client, table, config.region(), Clock.systemUTC()),
                client::close));
    }

    @Override
    public Optional<PaymentEventPublisher> eventPublisher(String region, String eventBus) {
        return Optional.of(new EventBridgePaymentPublisher(clients.eventBridge(region), eventBus));
    }

    @Override
    public Optional<TransactionLogArchive> archive(String region, ArchiveLocation location) {
        return location instanceof ArchiveLocation.S3 s3
                ? Optional.of(new S3TransactionLogArchive(clients.s3(region), s3.bucket(), s3.prefix(), region, Clock.systemUTC()))
                : Optional.empty();
    }

    @Override
    public Optional<TransactionLogReader> archiveReader(String region, ArchiveLocation location) {
        return location instanceof ArchiveLocation.S3 s3
                ? Optional.of(new S3TransactionLogReader(clients.s3(region), s3.bucket(), s3.prefix()))
                : Optional.empty();
    }
}
