package dev.paymentsdr.lab;

/** The lab could not do what was asked; the message names the component, the reason and where to look. */
public class LabException extends RuntimeException {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A component that did not start: what, why, the log to read and its last lines. */
    public static LabException startFailedWithLogTail(String component, String reason, java.nio.file.Path log) {
        String tail = "";
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
            tail = String.join("\n  ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (java.io.IOException | RuntimeException e) {
            // no log to quote: the path alone has to do
        }
        return new LabException("cannot start " + component + ": " + reason + " (log: " + log + ")"
                + (tail.isBlank() ? "" : "; last lines:\n  " + tail));
    }

    /** A component that did not start: what, why, and the log to read. */
    public static LabException startFailed(String component, String reason, java.nio.file.Path log) {
        return new LabException("cannot start " + component + ": " + reason
                + (log == null ? "" : " (log: " + log + ")"));
    }
}
