package dev.paymentsdr.lab.network;

/** A Toxiproxy API call that failed or did not answer in time; the message says which call and why. */
public final class ToxiproxyException extends RuntimeException {
    public ToxiproxyException(String message) {
        super(message);
    }
}
