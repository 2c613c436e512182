package dev.paymentsdr.service.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.payments.domain.model.CurrencyCode;
import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.Description;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.Metadata;
import dev.paymentsdr.payments.domain.model.Money;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;

/** Reads payments from the columns of {@link SqlDialect#paymentColumns()}, and writes metadata as JSON. */
final class PaymentRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PaymentRows() {
    }

    /** The payment whose ten columns start at {@code first}. */
    static Payment payment(ResultSet rows, int first, SqlDialect dialect) throws SQLException {
        CurrencyCode currency = CurrencyCode.of(rows.getString(first + 4).trim());
        String description = rows.getString(first + 5);
        String metadata = rows.getString(first + 6);
        return new Payment(
                new PaymentId(dialect.getUuid(rows, first)),
                new IdempotencyKey(rows.getString(first + 1)),
                new CustomerId(rows.getString(first + 2)),
                new Money(rows.getLong(first + 3), currency),
                Optional.ofNullable(description).map(Description::new),
                metadata == null ? Metadata.empty() : Metadata.of(parseMap(metadata)),
                PaymentStatus.fromWireName(rows.getString(first + 7)),
                rows.getString(first + 8),
                dialect.getInstant(rows, first + 9));
    }

    /**
     * Binds parameters 1 to 10 of an insert into {@code payments} (id, idempotency_key, customer_id, amount_minor,
     * currency, description, metadata, status, region, created_at), in the same order on every database.
     */
    static void bindPayment(PreparedStatement statement, Payment payment, SqlDialect dialect) throws SQLException {
        dialect.setUuid(statement, 1, payment.id().value());
        statement.setString(2, payment.idempotencyKey().value());
        statement.setString(3, payment.customerId().value());
        statement.setLong(4, payment.amount().amountMinor());
        statement.setString(5, payment.amount().currency().code());
        statement.setString(6, payment.description().map(Description::value).orElse(null));
        String metadata = metadataJson(payment.metadata());
        if (metadata == null) {
            statement.setNull(7, Types.VARCHAR);
        } else {
            statement.setString(7, metadata);
        }
        statement.setString(8, payment.status().wireName());
        statement.setString(9, payment.region());
        dialect.setInstant(statement, 10, payment.createdAt());
    }

    /** The metadata column's JSON, or null for none. */
    static String metadataJson(Metadata metadata) {
        if (metadata.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(metadata.entries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string map always serializes", e);
        }
    }

    private static Map<String, String> parseMap(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payments.metadata holds JSON that is not a string map", e);
        }
    }
}
