package dev.paymentsdr.infra.blueprints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of blueprints, looked up by name. */
public final class Blueprints {
    private static final Map<String, Blueprint> ALL = new LinkedHashMap<>();

    static {
        register(new FlagshipBlueprint());
        register(new Seed000Blueprint());
        register(new Seed001Blueprint());
        register(new Seed002Blueprint());
        register(new Seed003Blueprint());
        register(new Seed004Blueprint());
    }

    private Blueprints() {
    }

    private static void register(Blueprint blueprint) {
        ALL.put(blueprint.name(), blueprint);
    }

    /** The blueprint called {@code name}; the error lists the known names. */
    public static Blueprint named(String name) {
        Blueprint blueprint = ALL.get(name);
        if (blueprint == null) {
            throw new IllegalArgumentException("unknown blueprint '" + name + "'; known blueprints: " + String.join(", ", names()));
        }
        return blueprint;
    }

    /** Names of all blueprints, flagship first. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}
