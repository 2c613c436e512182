package dev.paymentsdr.aws.adapter.archive;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.port.out.TransactionLogArchive;
import dev.paymentsdr.service.adapter.out.archive.ArchiveLayout;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The transaction-log archive in the region's bucket (replicated to the other region's twin by S3): one JSON-lines
 * object per relayed batch and day, {@code <prefix>/yyyy/MM/dd/<region>/<time>-<batch>.jsonl}, encrypted with the
 * bucket's default key.
 */
public final class S3TransactionLogArchive implements TransactionLogArchive, AutoCloseable {
    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final String region;
    private final Clock clock;

    public S3TransactionLogArchive(S3Client client, String bucket, String prefix, String region, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void append(List<PaymentEvent> events) {
        for (Map.Entry<LocalDate, List<PaymentEvent>> day : ArchiveLayout.byDay(events).entrySet()) {
            String key = prefix + "/" + ArchiveLayout.objectName(day.getKey(), region, clock.instant(), UUID.randomUUID());
            byte[] content = ArchiveLayout.jsonLines(day.getValue()).getBytes(StandardCharsets.UTF_8);
            try {
                client.putObject(b -> b.bucket(bucket).key(key).contentType("application/x-ndjson"),
                        RequestBody.fromBytes(content));
            } catch (SdkException e) {
                throw new IllegalStateException("writing the transaction-log object s3://" + bucket + "/" + key
                        + " failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
