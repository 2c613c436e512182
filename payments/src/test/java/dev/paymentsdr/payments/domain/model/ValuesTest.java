package dev.paymentsdr.payments.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each request value validates itself on construction. */
class ValuesTest {

    @ParameterizedTest(name = "customerId \"{0}\" is refused")
    @ValueSource(strings = {"", "x' OR '1'='1", "a b", "ü", "a;b", "0123456789012345678901234567890123456789012345678901234567890123X"})
    void malformedCustomerIdsAreRefused(String value) {
        assertThatThrownBy(() -> new CustomerId(value)).isInstanceOf(InvalidPaymentException.class)
                .hasMessageContaining("1 to 64 characters");
    }

    @Test
    void customerIdsOfAllowedCharactersAreKept() {
        assertThat(new CustomerId("Cust_01-x").value()).isEqualTo("Cust_01-x");
        assertThat(new CustomerId("a".repeat(64)).value()).hasSize(64);
    }

    @ParameterizedTest(name = "Idempotency-Key \"{0}\" is refused")
    @ValueSource(strings = {"", "has space", "semi;colon", "quote'", "slash/"})
    void malformedIdempotencyKeysAreRefused(String value) {
        assertThatThrownBy(() -> new IdempotencyKey(value)).isInstanceOf(InvalidPaymentException.class)
                .extracting(e -> ((InvalidPaymentException) e).field()).isEqualTo("Idempotency-Key");
    }

    @Test
    void idempotencyKeysUpTo255AllowedCharactersAreKept() {
        assertThat(new IdempotencyKey("order-1:retry.2_x").value()).isEqualTo("order-1:retry.2_x");
        assertThat(new IdempotencyKey("k".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(256))).isInstanceOf(InvalidPaymentException.class);
    }

    @Test
    void descriptionsAreLimitedTo255CharactersWithoutControlCharacters() {
        assertThat(new Description("d".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> new Description("d".repeat(256))).hasMessageContaining("at most 255");
        assertThatThrownBy(() -> new Description("line\nbreak")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> new Description("nul\u0000")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> new Description("half \ud83d pair")).hasMessageContaining("control characters");
        assertThat(new Description("paid \ud83d\ude00 ok").value()).contains("\ud83d\ude00");
    }

    @Test
    void metadataIsSortedAndLimited() {
        assertThat(Metadata.of(Map.of("b", "2", "a", "1")).entries().firstKey()).isEqualTo("a");
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i < 21; i++) {
            tooMany.put("k" + i, "v");
        }
        assertThatThrownBy(() -> Metadata.of(tooMany)).hasMessageContaining("21 entries; at most 20");
        assertThatThrownBy(() -> Metadata.of(Map.of("bad key", "v"))).hasMessageContaining("metadata keys");
        assertThatThrownBy(() -> Metadata.of(Map.of("k".repeat(41), "v"))).hasMessageContaining("metadata keys");
        assertThatThrownBy(() -> Metadata.of(Map.of("k", "v".repeat(257)))).hasMessageContaining("at most 256");
        assertThatThrownBy(() -> Metadata.of(Map.of("k", "a\u0000"))).hasMessageContaining("control characters");
    }

    @Test
    void onlyCanonicalUuidsAreTakenAsPaymentIds() {
        UUID uuid = UUID.randomUUID();
        assertThat(PaymentId.parse(uuid.toString())).contains(new PaymentId(uuid));
        assertThat(PaymentId.parse("1-2-3-4-5")).isEmpty();
        assertThat(PaymentId.parse("not-a-uuid")).isEmpty();
        assertThat(PaymentId.parse(null)).isEmpty();
    }

    @Test
    void aPageCursorSurvivesItsOpaqueEncodingAndGarbageIsRefused() {
        PageCursor cursor = new PageCursor(java.time.Instant.parse("2026-11-22T03:00:00.123456Z"), new PaymentId(UUID.randomUUID()));

        assertThat(PageCursor.decode(cursor.encode())).contains(cursor);
        assertThat(PageCursor.decode("bogus")).isEmpty();
        assertThat(PageCursor.decode("")).isEmpty();
        assertThat(PageCursor.decode("%%%")).isEmpty();
    }

    @Test
    void aWellFormedCursorForAnImpossibleTimeIsRefused() {
        String id = UUID.randomUUID().toString();
        java.util.function.Function<String, String> encoded = plain -> java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(PageCursor.decode(encoded.apply("v1:1795834800:0:" + id))).isPresent();
        assertThat(PageCursor.decode(encoded.apply("v1:-1:0:" + id))).isEmpty();
        assertThat(PageCursor.decode(encoded.apply("v1:-62135596800:0:" + id))).isEmpty();
        assertThat(PageCursor.decode(encoded.apply("v1:253402300800:0:" + id))).isEmpty();
        assertThat(PageCursor.decode(encoded.apply("v1:31556889864403199:0:" + id))).isEmpty();
    }
}
