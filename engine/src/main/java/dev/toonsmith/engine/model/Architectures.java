package dev.toonsmith.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The generator architectures this version knows, by the name style manifests use. */
public final class Architectures {

    /**
     * An architecture's parser, and the hyperparameters added after its first version with the values that mean
     * "as before".
     */
    private record Entry(Function<Map<String, ?>, GeneratorSpec> parser, Map<String, Object> addedLater) {}

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(LiteSpec.NAME, new Entry(LiteSpec::parse, LiteSpec.ADDED_LATER));
        REGISTRY.put(CartoonGanSpec.NAME, new Entry(CartoonGanSpec::parse, Map.of()));
    }

    private Architectures() {}

    /** Registered names of the architectures Toonsmith builds and trains, the fast default first. */
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
        if (ImportedSpec.NAME.equals(name)) {
            return ImportedSpec.parse(hyperparameters);
        }
        Entry entry = REGISTRY.get(name);
        if (entry == null) {
            throw new InvalidArchitectureException(
                    "unknown architecture '" + name + "' (this version knows " + String.join(", ", names()) + ")");
        }
        return entry.parser().apply(hyperparameters);
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
        Entry entry = REGISTRY.get(name);
        if (entry != null) {
            entry.addedLater().forEach(filled::putIfAbsent);
        }
        return filled;
    }

    /** The architecture {@code name} with default hyperparameters. */
    public static GeneratorSpec defaults(String name) {
        return spec(name, Map.of());
    }
}
