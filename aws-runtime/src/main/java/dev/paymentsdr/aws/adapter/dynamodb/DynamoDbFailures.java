package dev.paymentsdr.aws.adapter.dynamodb;

import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Classifies DynamoDB failures: unreachable, throttled or missing table become 503s; anything else is a bug. */
final class DynamoDbFailures {
    private DynamoDbFailures() {
    }

    static RuntimeException translate(SdkException failure, String action, String table, String region) {
        if (failure instanceof ResourceNotFoundException) {
            return new LedgerUnavailableException(LedgerUnavailableException.Reason.UNREACHABLE,
                    "DynamoDB table " + table + " does not exist in " + region, failure);
        }
        if (failure instanceof SdkClientException) {
            return new LedgerUnavailableException(LedgerUnavailableException.Reason.UNREACHABLE,
                    "DynamoDB in " + region + " cannot be reached: " + firstLine(failure.getMessage()), failure);
        }
        if (failure instanceof AwsServiceException service
                && (service.isThrottlingException() || service.statusCode() >= 500)) {
            return new LedgerUnavailableException(LedgerUnavailableException.Reason.UNREACHABLE,
                    "DynamoDB in " + region + " is throttling or failing (" + code(service) + ")", failure);
        }
        return new IllegalStateException(action + " in DynamoDB table " + table + " failed: "
                + (failure instanceof AwsServiceException service ? code(service) + " " : "") + firstLine(failure.getMessage()),
                failure);
    }

    static LedgerUnavailableException busy(String what, String region) {
        return new LedgerUnavailableException(LedgerUnavailableException.Reason.UNREACHABLE,
                what + " in DynamoDB in " + region + " did not settle in time; retry with the same Idempotency-Key", null);
    }

    private static String code(AwsServiceException failure) {
        return failure.awsErrorDetails() == null ? "HTTP " + failure.statusCode() : failure.awsErrorDetails().errorCode();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
