package dev.paymentsdr.aws.lambda.failover.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Starts the failover trigger of the monitor's region asynchronously ({@code InvocationType=Event}): Lambda queues
 * the event and retries it on errors, and the trigger resumes the same execution on each retry.
 */
final class TriggerStarter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<RegionId, LambdaClient> lambda;
    private final String functionName;

    TriggerStarter(Function<RegionId, LambdaClient> lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    void start(RegionId region, Map<String, Object> event) {
        String payload;
        try {
            payload = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the trigger's event", e);
        }
        InvokeResponse response;
        try {
            response = lambda.apply(region).invoke(b -> b.functionName(functionName).invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String(payload)));
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot start the failover trigger " + functionName + " in " + region + ": "
                    + e.getMessage(), e);
        }
        if (response.statusCode() != 202) {
            throw new AwsFailoverException("the failover trigger " + functionName + " in " + region + " did not take the event"
                    + " (status " + response.statusCode() + ")");
        }
    }
}
