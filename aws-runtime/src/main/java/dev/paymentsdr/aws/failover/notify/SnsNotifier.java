package dev.paymentsdr.aws.failover.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.Notifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The notify port on SNS: a structured JSON message to the alert topic of the surviving region (the target),
 * or of the other region when that one does not answer. Never throws: a lost announcement is logged.
 */
public final class SnsNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(SnsNotifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<RegionId, SnsClient> sns;
    private final Map<RegionId, String> topics;

    public SnsNotifier(Function<RegionId, SnsClient> sns, Map<RegionId, String> topics) {
        this.sns = sns;
        this.topics = Map.copyOf(topics);
    }

    @Override
    public void notify(Notification n) {
        String message;
        try {
            message = JSON.writeValueAsString(message(n));
        } catch (JsonProcessingException e) {
            LOG.warn("cannot serialize the failover notification of {}", n.executionId(), e);
            return;
        }
        String title = "payments-dr " + n.mode().title() + " " + n.executionId() + " " + n.state();
        // SNS subjects are at most 100 characters
        String subject = title.length() <= 100 ? title : title.substring(0, 100);
        for (RegionId region : List.of(n.to(), n.from())) {
            String topic = topics.get(region);
            if (topic == null) {
                continue;
            }
            try {
                sns.apply(region).publish(b -> b.topicArn(topic).subject(subject).message(message));
                return;
            } catch (SdkException e) {
                LOG.warn("cannot publish the failover notification of {} to {}: {}", n.executionId(), topic, e.getMessage());
            }
        }
        LOG.error("failover notification of {} was not delivered to any topic: {}", n.executionId(), message);
    }

    static Map<String, Object> message(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "failover_notification");
        body.put("executionId", n.executionId().value());
        body.put("mode", n.mode().label());
        body.put("fromRegion", n.from().name());
        body.put("toRegion", n.to().name());
        body.put("state", n.state().name());
        body.put("message", n.message());
        return body;
    }
}
