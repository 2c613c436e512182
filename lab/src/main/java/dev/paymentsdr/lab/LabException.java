package dev.paymentsdr.lab;

/** The lab could not do what was asked; the message names the component, the reason and where to look. */
public class LabException extends RuntimeException {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A component that did not start: what, why, and the log to read. */
    public static LabException startFailed(String component, String reason, java.nio.file.Path log) {
        return new LabException("cannot start " + component + ": " + reason
                + (log == null ? "" : " (log: " + log + ")"));
    }
}
