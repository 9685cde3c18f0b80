package dev.toonsmith.engine.batch;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a batch names its outputs: {@code {name}_{style}.{ext}} by default. Placeholders: {@code {name}} the
 * source's name without its extension, {@code {style}} and {@code {preset}} the look's names in file-name
 * form, {@code {index}} the input's number in the batch (from 1, four digits), {@code {ext}} the output
 * format's extension.
 */
public record NameTemplate(String pattern) {

    private static final List<String> PLACEHOLDERS = List.of("name", "style", "preset", "index", "ext");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /** After the constants the constructor checks against, which must exist first. */
    public static final NameTemplate DEFAULT = new NameTemplate("{name}_{style}.{ext}");

    /** @throws BatchOptionException naming {@code name-template} when the pattern cannot name files apart */
    public NameTemplate {
        if (pattern == null || pattern.isBlank()) {
            throw new BatchOptionException("name-template", "is empty; use for example " + "{name}_{style}.{ext}.");
        }
        if (pattern.contains("/") || pattern.contains("\\")) {
            throw new BatchOptionException("name-template", "'" + pattern + "' names folders; it names files only"
                    + " (sub-folders mirror the inputs' with the recursive option).");
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new BatchOptionException("name-template", "has an unknown placeholder {" + m.group(1)
                        + "}; use {name}, {style}, {preset}, {index} and {ext}.");
            }
        }
        if (!pattern.contains("{name}") && !pattern.contains("{index}")) {
            throw new BatchOptionException("name-template", "'" + pattern + "' would give every output the same"
                    + " name; put {name} or {index} in it.");
        }
        if (!pattern.endsWith(".{ext}")) {
            throw new BatchOptionException("name-template", "'" + pattern + "' must end with .{ext}, so that the"
                    + " file's extension says its format.");
        }
    }

    /** The file name for one input. */
    public String apply(String name, String style, String preset, int index, String extension) {
        return pattern.replace("{name}", name).replace("{style}", style).replace("{preset}", preset)
                .replace("{index}", String.format(Locale.ROOT, "%04d", index)).replace("{ext}", extension);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
