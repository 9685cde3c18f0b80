package dev.toonsmith.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The generator architectures this version knows, by the name style manifests use. */
public final class Architectures {

    private static final Map<String, Function<Map<String, ?>, GeneratorSpec>> REGISTRY = new LinkedHashMap<>();
    /** Per architecture, the hyperparameters added after its first version, with the value that means "as before". */
    private static final Map<String, Map<String, Object>> ADDED_LATER = Map.of(
            LiteSpec.NAME, LiteSpec.ADDED_LATER,
            CartoonGanSpec.NAME, Map.of());

    static {
        REGISTRY.put(LiteSpec.NAME, LiteSpec::parse);
        REGISTRY.put(CartoonGanSpec.NAME, CartoonGanSpec::parse);
    }

    private Architectures() {}

    /** Registered names, the fast default first. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    public static boolean isKnown(String name) {
        return REGISTRY.containsKey(name);
    }

    /**
     * The architecture {@code name} with the given hyperparameters (missing ones take their defaults).
     *
     * @throws InvalidArchitectureException for an unknown name, an unknown hyperparameter or a value out of range
     */
    public static GeneratorSpec spec(String name, Map<String, ?> hyperparameters) {
        Function<Map<String, ?>, GeneratorSpec> factory = REGISTRY.get(name);
        if (factory == null) {
            throw new InvalidArchitectureException(
                    "unknown architecture '" + name + "' (this version knows " + String.join(", ", names()) + ")");
        }
        return factory.apply(hyperparameters);
    }

    /**
     * The architecture {@code name} as a file (a style manifest, a run's configuration) wrote it. Files written by
     * this version name every hyperparameter, so one a file leaves out is a layer added after the file was made:
     * it takes the value that rebuilds the network the file's weights belong to, not today's default.
     *
     * @throws InvalidArchitectureException as {@link #spec} does
     */
    public static GeneratorSpec asWritten(String name, Map<String, ?> hyperparameters) {
        return spec(name, withOlderValues(name, hyperparameters));
    }

    /** {@code hyperparameters} with the ones added later filled in with their "as before" values. */
    public static Map<String, Object> withOlderValues(String name, Map<String, ?> hyperparameters) {
        Map<String, Object> filled = new LinkedHashMap<>(hyperparameters);
        ADDED_LATER.getOrDefault(name, Map.of()).forEach(filled::putIfAbsent);
        return filled;
    }

    /** The architecture {@code name} with default hyperparameters. */
    public static GeneratorSpec defaults(String name) {
        return spec(name, Map.of());
    }
}
