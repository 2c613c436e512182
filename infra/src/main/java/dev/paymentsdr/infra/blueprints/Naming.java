package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DrSettings;
import software.amazon.awscdk.Aws;

/** Physical names of a deployment: every name carries the environment suffix; regional names also the region. */
public record Naming(String prefix, String suffix) {
    /** Naming for {@code settings} with stack prefix {@code prefix} (e.g. PaymentsDr). */
    public static Naming of(String prefix, DrSettings settings) {
        return new Naming(prefix, settings.environmentSuffix());
    }

    /** Stack name, e.g. {@code PaymentsDr-Primary-dev}. */
    public String stack(String kind) {
        return prefix + "-" + kind + "-" + suffix;
    }

    /** A name shared by both regions, e.g. {@code payments-dr-global-dev}. */
    public String shared(String what) {
        return "payments-dr-" + what + "-" + suffix;
    }

    /** A name of one region, e.g. {@code payments-dr-us-east-1-dev}. */
    public String regional(String what, String region) {
        return "payments-dr-" + what + "-" + region + "-" + suffix;
    }

    /** The transaction-log bucket of {@code region} (bucket names are global, so they carry the account). */
    public String bucket(String region) {
        return "pdr-txlog-" + Aws.ACCOUNT_ID + "-" + region + "-" + suffix;
    }

    /** Alias of the region's data key (without the {@code alias/} prefix). */
    public String keyAlias() {
        return "payments-dr-data-" + suffix;
    }

    /** Secrets Manager name of the database credentials (replicated to the other region). */
    public String databaseSecret() {
        return "payments-dr/" + suffix + "/database";
    }
}
