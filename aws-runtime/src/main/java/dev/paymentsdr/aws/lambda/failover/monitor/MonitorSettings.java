package dev.paymentsdr.aws.lambda.failover.monitor;

import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_FAILOVER_TRIGGER_FUNCTION;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_MONITOR_AUTOMATIC;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_MONITOR_FAILURES;
import static dev.paymentsdr.contract.RuntimeVariable.PAYMENTS_MONITOR_LAG_ALERT;

import dev.paymentsdr.aws.lambda.failover.FailoverFunctionSettings;
import dev.paymentsdr.aws.lambda.failover.SettingsReader;
import dev.paymentsdr.contract.Component;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The health monitor's settings.
 *
 * @param automatic       start the failover trigger after {@code failures} consecutive failed checks of the active region
 * @param lagAlert        replication or RPO lag above which it alerts
 * @param triggerFunction this region's failover trigger (required by the automatic mode)
 */
public record MonitorSettings(FailoverFunctionSettings common, boolean automatic, int failures, Duration lagAlert,
                              Optional<String> triggerFunction) {
    public static final int DEFAULT_FAILURES = 3;
    public static final Duration DEFAULT_LAG_ALERT = Duration.ofSeconds(1);

    /** The monitor's settings from a function environment, exactly as it reads them at start. */
    public static MonitorSettings parse(Map<String, String> environment) {
        SettingsReader in = new SettingsReader(Component.HEALTH_MONITOR, environment);
        FailoverFunctionSettings common = FailoverFunctionSettings.read(in);
        boolean automatic = in.bool(PAYMENTS_MONITOR_AUTOMATIC, false);
        int failures = in.integer(PAYMENTS_MONITOR_FAILURES, DEFAULT_FAILURES, 1, 100);
        Duration lagAlert = in.duration(PAYMENTS_MONITOR_LAG_ALERT, DEFAULT_LAG_ALERT);
        Optional<String> trigger = in.parsed(PAYMENTS_FAILOVER_TRIGGER_FUNCTION, v -> {
            if (!v.matches("[A-Za-z0-9_:.-]{1,170}")) {
                throw new IllegalArgumentException(PAYMENTS_FAILOVER_TRIGGER_FUNCTION + " must be a Lambda function name or ARN,"
                        + " was '" + v + "'");
            }
            return v;
        });
        if (automatic && trigger.isEmpty() && in.text(PAYMENTS_FAILOVER_TRIGGER_FUNCTION).isEmpty()) {
            in.problem(PAYMENTS_MONITOR_AUTOMATIC + "=true needs " + PAYMENTS_FAILOVER_TRIGGER_FUNCTION
                    + ", the trigger it starts");
        }
        in.failIfAny();
        return new MonitorSettings(common, automatic, failures, lagAlert, trigger);
    }
}
