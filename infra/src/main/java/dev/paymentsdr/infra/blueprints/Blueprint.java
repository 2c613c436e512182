package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DrSettings;
import java.util.List;
import software.amazon.awscdk.App;

/** A named composition of constructs into stacks; one per seed document plus the flagship. */
public interface Blueprint {
    /** The name used with {@code --blueprint} / {@code -c blueprint=}. */
    String name();

    /** One line saying what the blueprint deploys. */
    String description();

    /** Adds the blueprint's stacks to {@code app}; returns notes for the operator (e.g. what was left out and why). */
    List<String> compose(App app, DrSettings settings, Artifacts artifacts);
}
