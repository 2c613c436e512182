package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads sample event JSON with the serializers the Lambda Java runtime itself uses. */
public final class LambdaEvents {
    private LambdaEvents() {
    }

    public static <T> T read(String resource, Class<T> type) {
        try (InputStream in = LambdaEvents.class.getResourceAsStream("/events/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test event " + resource);
            }
            return LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader()).fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serializes a handler's result as the Lambda runtime would return it to the caller. */
    public static <T> String write(T value, Class<T> type) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader()).toJson(value, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
