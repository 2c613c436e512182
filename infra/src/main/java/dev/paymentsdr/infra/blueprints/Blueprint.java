package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DatabaseEngineChoice;
import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.config.InvalidContextException;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;

/** A named composition of constructs into stacks; one per seed document plus the flagship. */
public interface Blueprint {
    /** The name used with {@code --blueprint} / {@code -c blueprint=}. */
    String name();

    /** One line saying what the blueprint deploys. */
    String description();

    /** Context values of the blueprint's document (e.g. its regions), used where the context sets none. */
    default Map<String, String> contextDefaults() {
        return Map.of();
    }

    /** Adds the blueprint's stacks to {@code app}; returns notes for the operator (e.g. what was left out and why). */
    List<String> compose(App app, DrSettings settings, Artifacts artifacts);

    /** The document's engine; a context that asks for another one is refused rather than silently ignored. */
    default DatabaseEngineChoice documentEngine(DrSettings settings, DatabaseEngineChoice engine) {
        settings.databaseEngine().filter(asked -> asked != engine).ifPresent(asked -> {
            throw new InvalidContextException("context 'databaseEngine' is '" + asked.name().toLowerCase() + "' but blueprint "
                    + name() + " uses Aurora " + engine.name().toLowerCase() + " (its document's engine); leave databaseEngine unset");
        });
        return engine;
    }
}
