package dev.paymentsdr.aws.lambda.failover;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/** The test events of the failover functions ({@code /events/*.json}) and invoking a stream handler as Lambda does. */
public final class FunctionEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FunctionEvents() {
    }

    /** The event's JSON text, changed by {@code edit}. */
    public static String read(String resource, Consumer<ObjectNode> edit) {
        try (InputStream in = FunctionEvents.class.getResourceAsStream("/events/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test event " + resource);
            }
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            edit.accept(event);
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String resource) {
        return read(resource, e -> { });
    }

    /** The handler's answer to {@code event}, as the caller of {@code lambda:Invoke} receives it. */
    public static Map<String, Object> invoke(RequestStreamHandler handler, String event, LambdaTestContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
            return JSON.readValue(out.toByteArray(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
