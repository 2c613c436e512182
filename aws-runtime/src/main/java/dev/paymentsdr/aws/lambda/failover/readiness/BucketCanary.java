package dev.paymentsdr.aws.lambda.failover.readiness;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.aws.failover.Waiter;
import dev.paymentsdr.aws.failover.Waiter.Check;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The replicated bucket's replication: a canary object put in this region's bucket and found in the other region's
 * bucket within the time limit; then the source object is deleted (delete-marker replication hides the replica).
 */
final class BucketCanary {
    static final String PREFIX = "readiness-canary/";

    private final Function<RegionId, S3Client> s3;
    private final Map<RegionId, String> buckets;
    private final Waiter waiter;
    private final Clock clock;

    BucketCanary(Function<RegionId, S3Client> s3, Map<RegionId, String> buckets, Waiter waiter, Clock clock) {
        this.s3 = s3;
        this.buckets = Map.copyOf(buckets);
        this.waiter = waiter;
        this.clock = clock;
    }

    String run(RegionId from, RegionId to, String runId, Duration timeout) {
        String source = bucket(from);
        String replica = bucket(to);
        String key = PREFIX + from + "/" + runId + ".json";
        String body = "{\"writtenIn\":\"" + from + "\",\"writtenAt\":\"" + clock.instant() + "\"}";
        try {
            s3.apply(from).putObject(b -> b.bucket(source).key(key).contentType("application/json"), RequestBody.fromString(body));
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot put the canary object into bucket " + source + " in " + from + ": "
                    + e.getMessage(), e);
        }
        java.time.Instant started = clock.instant();
        waiter.until("the canary object " + key + " appearing in bucket " + replica + " in " + to, timeout, () -> {
            try {
                s3.apply(to).headObject(b -> b.bucket(replica).key(key));
                return Check.done(true);
            } catch (NoSuchKeyException e) {
                return Check.notYet("not there yet");
            } catch (S3Exception e) {
                return Check.notYet(e.statusCode() == 404 ? "not there yet" : "HeadObject in " + to + " failed: " + e.getMessage());
            } catch (SdkException e) {
                return Check.notYet("HeadObject in " + to + " failed: " + e.getMessage());
            }
        });
        long millis = Duration.between(started, clock.instant()).toMillis();
        try {
            s3.apply(from).deleteObject(b -> b.bucket(source).key(key));
        } catch (SdkException e) {
            // a leftover canary is harmless
        }
        return "object put into " + source + " was found in " + replica + " after " + millis + " ms";
    }

    private String bucket(RegionId region) {
        String name = buckets.get(region);
        if (name == null) {
            throw new IllegalArgumentException("no replicated bucket is named for " + region);
        }
        return name;
    }
}
