package dev.paymentsdr.bench;

import dev.paymentsdr.service.adapter.out.persistence.JdbcPaymentLedger;
import java.util.List;

/**
 * The pgbench script: the payment service's own insert statement ({@link JdbcPaymentLedger#INSERT_SQL}), with
 * pgbench expressions in place of its parameters, so both sides of the ratio run the same SQL.
 */
final class PaymentTransactionScript {
    /** One expression per JDBC parameter, in the statement's order. */
    private static final List<String> PARAMETERS = List.of(
            "gen_random_uuid()",                              // id
            "'pgbench-' || gen_random_uuid()",                // idempotency_key, unique like the API's keys
            "'bench-customer-' || :client_id",                // customer_id
            ":amount",                                        // amount_minor
            "'USD'",                                          // currency
            "'benchmark'",                                    // description
            "NULL",                                           // metadata
            "'accepted'",                                     // status
            "'bench-1'",                                      // region
            "now()",                                          // created_at
            "gen_random_uuid()",                              // outbox event_id
            "'payment.created'",                              // outbox event_type
            "'" + sampleResponseBody() + "'",                 // outbox payload (an event of about the same size)
            "'" + "0123456789abcdef".repeat(4) + "'",         // request_hash (SHA-256 hex)
            "'" + sampleResponseBody() + "'");                // response_body

    private PaymentTransactionScript() {
    }

    static String text() {
        String sql = JdbcPaymentLedger.INSERT_SQL;
        StringBuilder script = new StringBuilder("\\set amount random(100, 100000)\n");
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                if (parameter >= PARAMETERS.size()) {
                    throw new IllegalStateException("the service's insert has more parameters than the benchmark knows; update "
                            + PaymentTransactionScript.class.getSimpleName());
                }
                script.append(PARAMETERS.get(parameter++));
            } else {
                script.append(c);
            }
        }
        if (parameter != PARAMETERS.size()) {
            throw new IllegalStateException("the service's insert has " + parameter + " parameters, the benchmark expects "
                    + PARAMETERS.size() + "; update " + PaymentTransactionScript.class.getSimpleName());
        }
        return script.append(";\n").toString();
    }

    private static String sampleResponseBody() {
        return "{\"id\":\"00000000-0000-4000-8000-000000000000\",\"status\":\"accepted\",\"customerId\":\"bench-customer-1\","
                + "\"amount\":\"12.34\",\"currency\":\"USD\",\"region\":\"bench-1\",\"createdAt\":\"2026-11-22T04:00:00Z\","
                + "\"description\":\"benchmark\"}";
    }
}
