package dev.paymentsdr.aws.lambda.failover;

import dev.paymentsdr.contract.Component;
import dev.paymentsdr.contract.Durations;
import dev.paymentsdr.contract.KeyValues;
import dev.paymentsdr.contract.RuntimeVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one function's environment by the contract's names and collects every problem, so that one error lists
 * them all. A variable the contract does not give this component is a problem too: the stacks set nothing that
 * nothing reads. Reading a variable the component does not read is a programming error.
 */
public final class SettingsReader {
    /** Set by Lambda itself: the region the function runs in. */
    public static final String AWS_REGION = "AWS_REGION";

    private final Component component;
    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Component component, Map<String, String> environment) {
        this.component = component;
        this.environment = Map.copyOf(environment);
        problems.addAll(component.unread(environment.keySet()));
    }

    /** The variable's value, stripped; empty when unset or blank. */
    public Optional<String> text(RuntimeVariable variable) {
        if (!component.reads().contains(variable)) {
            throw new IllegalStateException("the " + component.label() + " does not read " + variable
                    + " by the contract; add it to Component." + component.name() + " first");
        }
        String value = environment.get(variable.name());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A variable outside the contract that the platform sets (AWS_REGION). */
    public Optional<String> platform(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The value read by {@code parse}; a parse error becomes a problem naming the variable and what it accepts. */
    public <T> Optional<T> parsed(RuntimeVariable variable, Function<String, T> parse) {
        Optional<String> value = text(variable);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parse.apply(value.get()));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            problem(message.startsWith(variable.name()) ? message
                    : variable + ": '" + value.get() + "' is not valid (" + message + "); accepted: " + variable.format());
            return Optional.empty();
        }
    }

    public Duration duration(RuntimeVariable variable, Duration defaultValue) {
        return parsed(variable, v -> Durations.parse(variable.name(), v)).orElse(defaultValue);
    }

    public boolean bool(RuntimeVariable variable, boolean defaultValue) {
        return parsed(variable, v -> switch (v) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(variable + " must be true or false, was '" + v + "'");
        }).orElse(defaultValue);
    }

    public int integer(RuntimeVariable variable, int defaultValue, int min, int max) {
        return parsed(variable, v -> {
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below with the range
            }
            throw new IllegalArgumentException(variable + " must be a whole number " + min + "-" + max + ", was '" + v + "'");
        }).orElse(defaultValue);
    }

    public Map<String, String> keyValues(RuntimeVariable variable) {
        return parsed(variable, v -> KeyValues.decode(variable.name(), v)).orElse(new LinkedHashMap<>());
    }

    public void problem(String problem) {
        problems.add(problem);
    }

    /** Throws one error listing every problem, if there is any. */
    public void failIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidFunctionSettingsException("the " + component.label() + " cannot start; its environment is"
                    + " incomplete or invalid:\n  " + String.join("\n  ", problems));
        }
    }

    /** A function environment the runtime cannot start with; the message lists every problem. */
    public static final class InvalidFunctionSettingsException extends IllegalArgumentException {
        public InvalidFunctionSettingsException(String message) {
            super(message);
        }
    }
}
