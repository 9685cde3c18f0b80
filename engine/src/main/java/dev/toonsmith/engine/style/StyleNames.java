package dev.toonsmith.engine.style;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The display names of the installed styles, against which a new style's name is checked: two styles called alike
 * cannot be told apart in the studio's gallery, the Batch page's list or {@code toonsmith styles}. Names compare
 * trimmed and ignoring case, so "toonsmith default " clashes with "Toonsmith Default".
 */
public final class StyleNames {

    /** A name that already ends in a number in brackets, "Toonsmith Default (2)": the next free one counts on. */
    private static final Pattern NUMBERED = Pattern.compile("^(.*\\S)\\s*\\((\\d{1,6})\\)$");

    private final List<StyleEntry> installed;

    private StyleNames(List<StyleEntry> installed) {
        this.installed = installed;
    }

    /** The names of {@code installed} (a library's entries). */
    public static StyleNames of(Collection<StyleEntry> installed) {
        return new StyleNames(List.copyOf(Objects.requireNonNull(installed, "installed")));
    }

    /** The installed style already called {@code name} (trimmed, ignoring case), if any. */
    public Optional<StyleEntry> holder(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = key(name);
        return installed.stream().filter(e -> key(e.name()).equals(key)).findFirst();
    }

    /** Whether an installed style is already called {@code name}. */
    public boolean taken(String name) {
        return holder(name).isPresent();
    }

    /**
     * {@code name} trimmed if no installed style has it, else the first free "name (2)", "name (3)", …; a name that is
     * already numbered counts on from its number ("A (2)" gives "A (3)"). Blank stays blank.
     */
    public String free(String name) {
        if (name == null || name.isBlank()) {
            return name == null ? "" : name.strip();
        }
        String stripped = name.strip();
        if (!taken(stripped)) {
            return stripped;
        }
        String base = stripped;
        int next = 2;
        Matcher numbered = NUMBERED.matcher(stripped);
        if (numbered.matches()) {
            base = numbered.group(1);
            next = Integer.parseInt(numbered.group(2)) + 1;
        }
        while (true) {
            String candidate = base + " (" + next + ")";
            if (!taken(candidate)) {
                return candidate;
            }
            next++;
        }
    }

    /**
     * {@code id} if no installed style has it, else the first free {@code id-2}, {@code id-3}, … (shortened to fit
     * {@link StyleManifest#MAX_ID_LENGTH}): for a style whose id the user never sees, made from a free name that
     * happens to give a taken id ("My style!" and "my-style").
     */
    public String freeId(String id) {
        Objects.requireNonNull(id, "id");
        if (installed.stream().noneMatch(e -> e.id().equals(id))) {
            return id;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String base = id.length() + suffix.length() > StyleManifest.MAX_ID_LENGTH
                    ? id.substring(0, StyleManifest.MAX_ID_LENGTH - suffix.length()) : id;
            String candidate = base + suffix;
            if (installed.stream().noneMatch(e -> e.id().equals(candidate))) {
                return candidate;
            }
        }
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
