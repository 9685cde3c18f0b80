package dev.toonsmith.app.studio.train;

import dev.toonsmith.app.cli.TrainCommand;
import java.util.List;
import java.util.Objects;
import dev.toonsmith.ui.UiResources.Texts;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One advanced setting of a new run, named and explained as {@code toonsmith train --help} does. Its value is
 * typed for an editor (on/off, a number, text); null or the documented default means "leave it to the default",
 * and only changed values become arguments.
 */
public final class AdvancedOption {

    private final TrainCommand.OptionHelp help;
    private final Object defaultValue;
    private final ObjectProperty<Object> value = new SimpleObjectProperty<>(this, "value");

    AdvancedOption(TrainCommand.OptionHelp help) {
        this.help = Objects.requireNonNull(help);
        this.defaultValue = parse(help.defaultValue(), help.type());
        value.set(defaultValue);
    }

    /** The option's name as {@code train} spells it, without dashes. */
    public String name() {
        return help.name();
    }

    /** The help text, one or two sentences. */
    public String description() {
        return help.description();
    }

    /**
     * Boolean for on/off options, else String: numbers are edited as text and checked by {@code train}'s own parser
     * when the run is planned, so a typo gets the command line's message.
     */
    public Class<?> type() {
        return help.type() == Boolean.class ? Boolean.class : String.class;
    }

    /** The group the settings sheet files it under. */
    public String category() {
        String n = help.name();
        if (n.startsWith("lambda") || n.equals("content-scale") || n.equals("perceptual") || n.equals("surface")
                || n.equals("line-threshold")) {
            return "losses";
        }
        if (n.startsWith("d-") || n.equals("gan-loss") || n.equals("label-smoothing") || n.equals("spectral-norm")) {
            return "discriminator";
        }
        if (List.of("width", "refine", "ink", "residual", "flatten", "palette").contains(n)) {
            return "generator";
        }
        if (List.of("batch", "init-steps", "lr", "lr-schedule", "seed", "device").contains(n)) {
            return "optimization";
        }
        return "run";
    }

    /** The name people read: "Discriminator width" for {@code d-width}. */
    public String label(Texts texts) {
        String key = "train.option." + name();
        if (texts.has(key)) {
            return texts.get(key);
        }
        String words = name().replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * One line shown under the option: what it does (the studio's own words where {@code train --help} is terse)
     * and its default.
     */
    public String explanation(Texts texts) {
        String key = "train.option." + name() + ".help";
        String what = texts.has(key) ? texts.get(key) : description();
        String shownDefault = help.defaultValue();
        if (shownDefault == null || shownDefault.isBlank()) {
            return what;
        }
        String byDefault = texts.format("train.option.default", shownDefault);
        return what.isBlank() ? byDefault : what + " " + byDefault;
    }

    public ObjectProperty<Object> valueProperty() {
        return value;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    /** Sets the value from a preset's argument text ({@code ""} for a flag that is present). */
    void setFromArgument(String text) {
        if (type() == Boolean.class) {
            value.set(Boolean.TRUE);
        } else {
            value.set(parse(text, type()));
        }
    }

    void reset() {
        value.set(defaultValue);
    }

    /** The arguments that give this option its value; none while it has its default. */
    List<String> arguments() {
        Object v = value.get();
        if (v == null || v.equals(defaultValue) || v.toString().isBlank()) {
            return List.of();
        }
        if (v instanceof Boolean b) {
            return List.of(b ? "--" + name() : "--no-" + name());
        }
        return List.of("--" + name(), v.toString().trim());
    }

    private static Object parse(String text, Class<?> type) {
        String t = text == null ? "" : text.trim();
        if (type == Boolean.class) {
            return t.equalsIgnoreCase("on") || t.equalsIgnoreCase("true");
        }
        // A default described in words ("off") is no value: the option is left out.
        return t.equalsIgnoreCase("off") ? "" : t;
    }
}
