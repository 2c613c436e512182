package dev.paymentsdr.payments.domain.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/** Position in a newest-first payment listing: the (createdAt, id) of the last payment already returned. */
public record PageCursor(Instant createdAt, PaymentId id) {
    /** No payment was created before 1970 or after 9999: a cursor outside that range was not made by this API. */
    private static final long LATEST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    public PageCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    /** The cursor just after this payment. */
    public static PageCursor after(Payment payment) {
        return new PageCursor(payment.createdAt(), payment.id());
    }

    /** Opaque text for clients (base64url); its content is not part of the API. */
    public String encode() {
        String plain = "v1:" + createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id.value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads text made by {@link #encode()}; empty when it is anything else, including a well-formed impossible one. */
    public static Optional<PageCursor> decode(String text) {
        if (text == null || text.isEmpty() || text.length() > 200) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", -1);
            if (parts.length != 4 || !parts[0].equals("v1")) {
                return Optional.empty();
            }
            long seconds = Long.parseLong(parts[1]);
            int nanos = Integer.parseInt(parts[2]);
            if (seconds < 0 || seconds > LATEST_SECOND || nanos < 0 || nanos > 999_999_999) {
                return Optional.empty();
            }
            return PaymentId.parse(parts[3]).map(id -> new PageCursor(Instant.ofEpochSecond(seconds, nanos), id));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
