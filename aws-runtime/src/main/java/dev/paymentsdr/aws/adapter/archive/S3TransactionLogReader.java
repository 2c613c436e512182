package dev.paymentsdr.aws.adapter.archive;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.port.out.TransactionLogReader;
import dev.paymentsdr.service.adapter.out.archive.ArchiveLayout;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads the transaction-log objects of a bucket day by day (every region's objects under each day's prefix). */
public final class S3TransactionLogReader implements TransactionLogReader, AutoCloseable {
    private final S3Client client;
    private final String bucket;
    private final String prefix;

    public S3TransactionLogReader(S3Client client, String bucket, String prefix) {
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public void read(LocalDate from, LocalDate to, Consumer<PaymentEvent> each) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            String dayPrefix = prefix + "/" + ArchiveLayout.dayPrefix(day);
            try {
                for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(dayPrefix)).contents()) {
                    if (!object.key().endsWith(ArchiveLayout.SUFFIX)) {
                        continue;
                    }
                    String content = client.getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                            .asString(StandardCharsets.UTF_8);
                    ArchiveLayout.readLines(content, "s3://" + bucket + "/" + object.key(), each);
                }
            } catch (SdkException e) {
                throw new IllegalStateException("reading the transaction log under s3://" + bucket + "/" + dayPrefix
                        + " failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
