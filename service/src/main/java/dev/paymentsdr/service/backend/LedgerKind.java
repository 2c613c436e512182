package dev.paymentsdr.service.backend;

import dev.paymentsdr.service.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which ledger adapter keeps the payments. */
public enum LedgerKind {
    /** A SQL database by its JDBC URL: PostgreSQL / Aurora PostgreSQL, or MySQL / Aurora MySQL. */
    JDBC,
    /** A DynamoDB table (a global table on AWS); needs the aws-runtime module on the class path. */
    DYNAMODB;

    /** The lower-case name used in flags and environment variables. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a setting value; the error lists the accepted ones. */
    public static LedgerKind parse(String setting, String value) {
        for (LedgerKind kind : values()) {
            if (kind.wireName().equals(value == null ? null : value.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new ConfigException(setting + " must be one of " + Arrays.stream(values()).map(LedgerKind::wireName)
                .collect(Collectors.joining(", ")) + ", got '" + value + "'");
    }
}
