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
        String title = "payments-dr " + n.mode().title() + " " + n.executionId() + " " + n.state();
        publish(List.of(n.to(), n.from()), title, message(n));
    }

    /**
     * Publishes {@code body} as JSON to the topic of the first region of {@code order} that takes it (the subject cut
     * to SNS's 100 characters); false when none did. Never throws: a lost message is logged with its content.
     */
    public boolean publish(List<RegionId> order, String subject, Map<String, Object> body) {
        String message;
        try {
            message = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            LOG.warn("cannot serialize the message '{}'", subject, e);
            return false;
        }
        String cut = subject.length() <= 100 ? subject : subject.substring(0, 100);
        for (RegionId region : order) {
            String topic = topics.get(region);
            if (topic == null) {
                continue;
            }
            try {
                sns.apply(region).publish(b -> b.topicArn(topic).subject(cut).message(message));
                return true;
            } catch (SdkException e) {
                LOG.warn("cannot publish '{}' to {}: {}", cut, topic, e.getMessage());
            }
        }
        LOG.error("'{}' was not delivered to any topic: {}", cut, message);
        return false;
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
