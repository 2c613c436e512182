package dev.paymentsdr.service.adapter.in.api;

/**
 * How much structure a request body may have before the parser refuses it (a payment needs little of either).
 *
 * @param maxNumberLength characters in one JSON number; an amount needs at most 17 ("1000000000000.000")
 * @param maxNestingDepth levels of nested objects and arrays; a payment has 2 (the body and its metadata)
 */
public record JsonLimits(int maxNumberLength, int maxNestingDepth) {
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 64;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 16;
    /** The defaults: far above what a valid payment needs, far below what makes the parser work hard. */
    public static final JsonLimits DEFAULTS = new JsonLimits(DEFAULT_MAX_NUMBER_LENGTH, DEFAULT_MAX_NESTING_DEPTH);

    public JsonLimits {
        if (maxNumberLength < 20 || maxNumberLength > 1000) {
            throw new IllegalArgumentException("the JSON number length limit must be from 20 to 1000 characters, got "
                    + maxNumberLength);
        }
        if (maxNestingDepth < 2 || maxNestingDepth > 1000) {
            throw new IllegalArgumentException("the JSON nesting depth limit must be from 2 to 1000 levels, got "
                    + maxNestingDepth);
        }
    }
}
