package dev.paymentsdr.infra.spec;

/**
 * The payment functions of one region and how clients reach them.
 *
 * @param frontDoor REST API (IAM-signed /payments, open /health), function URLs (IAM-signed payments URL, open
 *                  health URL on a health function of its own) or none (invoked by other AWS services only)
 * @param reservedConcurrency reserved concurrent executions of the payment function (a ceiling against runaway cost
 *                            and a guarantee against starvation by other functions)
 * @param inVpc whether the functions run in the VPC's private subnets (needed to reach Aurora)
 * @param healthFunction whether health requests go to a health function of their own (always so with function URLs)
 */
public record FunctionsSpec(FrontDoor frontDoor, int reservedConcurrency, boolean inVpc, boolean healthFunction) {
    /** How clients reach the payment function. */
    public enum FrontDoor { REST_API, FUNCTION_URLS, NONE }

    /** Validates the concurrency. */
    public FunctionsSpec {
        if (reservedConcurrency < 1 || reservedConcurrency > 1000) {
            throw new IllegalArgumentException("reserved concurrency must be 1-1000, got " + reservedConcurrency);
        }
    }

    /** REST API in front, 100 reserved executions, in the VPC. */
    public static FunctionsSpec restApi() {
        return new FunctionsSpec(FrontDoor.REST_API, 100, true, false);
    }

    /** Function URLs for payments and health, 100 reserved executions, outside a VPC. */
    public static FunctionsSpec functionUrls() {
        return new FunctionsSpec(FrontDoor.FUNCTION_URLS, 100, false, true);
    }

    /** No HTTP front door (e.g. a validation function other services invoke), in the VPC. */
    public static FunctionsSpec internal() {
        return new FunctionsSpec(FrontDoor.NONE, 100, true, false);
    }

    /** Another reserved concurrency. */
    public FunctionsSpec reservedConcurrency(int executions) {
        return new FunctionsSpec(frontDoor, executions, inVpc, healthFunction);
    }

    /** Health requests go to a health function of their own (so a saturated payment function never fails a health check). */
    public FunctionsSpec withHealthFunction() {
        if (frontDoor == FrontDoor.NONE) {
            throw new IllegalArgumentException("a health function needs a front door (REST API or function URLs) to be reached through");
        }
        return new FunctionsSpec(frontDoor, reservedConcurrency, inVpc, true);
    }
}
