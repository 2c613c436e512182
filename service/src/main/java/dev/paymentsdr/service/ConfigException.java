package dev.paymentsdr.service;

/** A service setting is missing or invalid; the message names the setting and what is accepted. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
