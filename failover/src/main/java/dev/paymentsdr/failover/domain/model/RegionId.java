package dev.paymentsdr.failover.domain.model;

import java.util.regex.Pattern;

/** The name of a region, such as {@code us-east-1}: the unit that fails over. */
public record RegionId(String name) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");

    public RegionId {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("region must be 2..32 characters of a-z, 0-9 and '-', was '" + name + "'");
        }
    }

    public static RegionId of(String name) {
        return new RegionId(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
