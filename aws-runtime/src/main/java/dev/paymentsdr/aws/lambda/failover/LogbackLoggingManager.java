package dev.paymentsdr.aws.lambda.failover;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.internal.LoggingManager;

/**
 * Powertools logging's hook into Logback (what {@code powertools-logging-logback} provides; that artifact is not
 * served by the package registry reachable here): sets and reads log levels, so POWERTOOLS_LOG_LEVEL and the
 * sampling rate work. Found by Powertools through {@code META-INF/services}.
 */
public final class LogbackLoggingManager implements LoggingManager {
    @Override
    public void setLogLevel(org.slf4j.event.Level level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level.name()));
        }
    }

    @Override
    public org.slf4j.event.Level getLogLevel(Logger logger) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Level level = context.getLogger(logger.getName()).getEffectiveLevel();
            return org.slf4j.event.Level.valueOf(level.levelStr.equals("OFF") || level.levelStr.equals("ALL") ? "INFO" : level.levelStr);
        }
        return org.slf4j.event.Level.INFO;
    }
}
