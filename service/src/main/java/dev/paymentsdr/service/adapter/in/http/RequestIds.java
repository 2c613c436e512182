package dev.paymentsdr.service.adapter.in.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids for tracing: a caller's well-formed X-Request-Id is kept, anything else is replaced by a new UUID. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The caller's id when it is 1..128 characters of [A-Za-z0-9._:-], otherwise a fresh one. */
    public static String acceptOrGenerate(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
