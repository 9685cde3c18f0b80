package dev.toonsmith.engine.post;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A named post-processing look, such as "Comic ink": settings an artist can pick, share as a JSON file, and
 * start from when moving sliders. Immutable.
 *
 * @param name the display name, unique among the presets of a {@link PresetLibrary} ignoring case
 * @param description one sentence for the user, possibly empty
 * @param source where the preset comes from
 * @param file the user's or the loaded preset file; null for built-in presets
 */
public record Preset(String name, String description, PostSettings settings, Source source, Path file) {

    /** Where a preset comes from. */
    public enum Source {
        /** Shipped with Toonsmith; cannot be deleted or overwritten. */
        BUILT_IN,
        /** Saved by the user in the presets folder. */
        USER,
        /** Loaded from a file elsewhere, e.g. one named on the command line. */
        FILE
    }

    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        if ((source == Source.BUILT_IN) != (file == null)) {
            throw new IllegalArgumentException("built-in presets have no file, and other presets have one");
        }
    }

    /** Whether the user may delete or overwrite it. */
    public boolean deletable() {
        return source == Source.USER;
    }
}
