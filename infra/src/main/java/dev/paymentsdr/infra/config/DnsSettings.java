package dev.paymentsdr.infra.config;

import java.util.Optional;

/**
 * A custom domain: its Route 53 public hosted zone is given by id (so that synthesis needs no lookup), or, for a
 * blueprint that creates the zone, absent.
 */
public record DnsSettings(String domainName, Optional<String> hostedZoneId) {
    /** The name clients use for the payment API, e.g. {@code payments.example.com}. */
    public String apiRecordName() {
        return "payments." + domainName;
    }
}
