package dev.paymentsdr.aws.failover;

/** An AWS step could not do what it was asked; the message says what it saw and what to do. */
public final class AwsFailoverException extends RuntimeException {
    public AwsFailoverException(String message) {
        super(message);
    }

    public AwsFailoverException(String message, Throwable cause) {
        super(message, cause);
    }
}
