package dev.toonsmith.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an architecture's hyperparameters from a manifest's JSON map, applying defaults and refusing unknown
 * names and values out of range with a message that names the field.
 */
final class Hyperparameters {

    private final String architecture;
    private final Map<String, Object> given;
    private final Set<String> read = new TreeSet<>();
    private final Map<String, Object> resolved = new LinkedHashMap<>();

    Hyperparameters(String architecture, Map<String, ?> given) {
        this.architecture = architecture;
        this.given = given == null ? Map.of() : new LinkedHashMap<>(given);
    }

    int integer(String name, int defaultValue, int min, int max) {
        read.add(name);
        Object value = given.getOrDefault(name, defaultValue);
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new InvalidArchitectureException(
                    architecture + " hyperparameter '" + name + "' must be an integer, got " + value);
        }
        int v = number.intValue();
        if (v < min || v > max) {
            throw new InvalidArchitectureException(architecture + " hyperparameter '" + name + "' must be in ["
                    + min + ", " + max + "], got " + v);
        }
        resolved.put(name, v);
        return v;
    }

    String choice(String name, String defaultValue, java.util.List<String> allowed) {
        read.add(name);
        Object value = given.getOrDefault(name, defaultValue);
        if (!(value instanceof String text) || !allowed.contains(text)) {
            throw new InvalidArchitectureException(
                    architecture + " hyperparameter '" + name + "' must be one of " + allowed + ", got " + value);
        }
        resolved.put(name, text);
        return text;
    }

    boolean flag(String name, boolean defaultValue) {
        read.add(name);
        Object value = given.getOrDefault(name, defaultValue);
        if (!(value instanceof Boolean b)) {
            throw new InvalidArchitectureException(
                    architecture + " hyperparameter '" + name + "' must be true or false, got " + value);
        }
        resolved.put(name, b);
        return b;
    }

    /** All values read, defaults included; fails if the map holds a name the architecture does not know. */
    Map<String, Object> resolved() {
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new InvalidArchitectureException(
                    architecture + " has no hyperparameter " + unknown + " (known: " + read + ")");
        }
        return Map.copyOf(resolved);
    }
}
