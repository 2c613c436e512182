package dev.paymentsdr.infra.config;

/** A custom domain in an existing Route 53 public hosted zone (given by id so that synthesis needs no lookup). */
public record DnsSettings(String domainName, String hostedZoneId) {
    /** The name clients use for the payment API, e.g. {@code payments.example.com}. */
    public String apiRecordName() {
        return "payments." + domainName;
    }
}
