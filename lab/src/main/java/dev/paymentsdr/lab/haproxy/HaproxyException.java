package dev.paymentsdr.lab.haproxy;

/** The HAProxy runtime API could not be reached or refused a command; the message says which and why. */
public class HaproxyException extends RuntimeException {
    public HaproxyException(String message) {
        super(message);
    }

    public HaproxyException(String message, Throwable cause) {
        super(message, cause);
    }
}
