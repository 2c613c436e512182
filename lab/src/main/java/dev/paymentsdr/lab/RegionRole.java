package dev.paymentsdr.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a region's database is supposed to be: the writable primary or a streaming standby. */
public enum RegionRole {
    @JsonProperty("primary") PRIMARY,
    @JsonProperty("standby") STANDBY;

    /** The lower-case name shown in status output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
