package dev.toonsmith.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The generator architectures this version knows, by the name style manifests use. */
public final class Architectures {

    private static final Map<String, Function<Map<String, ?>, GeneratorSpec>> REGISTRY = new LinkedHashMap<>();

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

    /** The architecture {@code name} with default hyperparameters. */
    public static GeneratorSpec defaults(String name) {
        return spec(name, Map.of());
    }
}
