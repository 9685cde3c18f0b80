package dev.toonsmith.app.studio.settings;

import java.util.Locale;

/** The studio's colour themes; each is a stylesheet in ui-resources on top of {@code studio.css}. */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** The theme's stylesheet name in ui-resources. */
    public String stylesheet() {
        return stylesheet;
    }

    /** The theme named in a settings file (any case), or LIGHT for anything else. */
    public static Theme parse(String name) {
        if (name != null) {
            for (Theme t : values()) {
                if (t.name().equalsIgnoreCase(name.strip())) {
                    return t;
                }
            }
        }
        return LIGHT;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
