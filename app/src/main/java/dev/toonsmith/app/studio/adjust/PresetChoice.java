package dev.toonsmith.app.studio.adjust;

import dev.toonsmith.engine.post.PostSettings;
import dev.toonsmith.engine.post.Preset;
import java.util.Objects;

/**
 * An entry of the preset picker: an engine preset, or "None" (no post-processing).
 *
 * @param preset the engine's preset, null for "None"
 */
public record PresetChoice(String name, String description, PostSettings settings, Preset preset) {

    public PresetChoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(settings, "settings");
    }

    public static PresetChoice none(String name, String description) {
        return new PresetChoice(name, description, PostSettings.NONE, null);
    }

    public static PresetChoice of(Preset preset) {
        return new PresetChoice(preset.name(), preset.description(), preset.settings(), preset);
    }

    public boolean isNone() {
        return preset == null;
    }

    /** Whether the user may overwrite it by saving. */
    public boolean userSaved() {
        return preset != null && preset.deletable();
    }

    @Override
    public String toString() {
        return name;
    }
}
