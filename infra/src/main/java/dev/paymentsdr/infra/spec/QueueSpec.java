package dev.paymentsdr.infra.spec;

import software.amazon.awscdk.Duration;

/** The payment order queue of one region: retention, visibility timeout, receives before dead-lettering, consumer concurrency. */
public record QueueSpec(Duration retention, Duration visibility, int maxReceiveCount, int consumerConcurrency) {
    /** Validates SQS's limits. */
    public QueueSpec {
        long retentionSeconds = retention.toSeconds().longValue();
        if (retentionSeconds < 60 || retentionSeconds > 1_209_600) {
            throw new IllegalArgumentException("queue retention must be 1 minute to 14 days, got " + retentionSeconds + " s");
        }
        if (visibility.toSeconds().longValue() > 43_200) {
            throw new IllegalArgumentException("visibility timeout must be at most 12 hours");
        }
        if (maxReceiveCount < 1 || maxReceiveCount > 1000 || consumerConcurrency < 2 || consumerConcurrency > 1000) {
            throw new IllegalArgumentException("max receive count must be 1-1000 and consumer concurrency 2-1000");
        }
    }

    /** 4-day retention, 5-minute visibility, dead-letter after 3 receives, 20 concurrent consumers. */
    public static QueueSpec standard() {
        return new QueueSpec(Duration.days(4), Duration.minutes(5), 3, 20);
    }
}
