package dev.toonsmith.app.studio.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How a style's name is laid out on its card: in at most a few lines of a given width, broken only after a space or
 * after an id's separators ('-', '_', '.', '/'), so that "photos-2026-12-08" never becomes "photos-2026-12-0" and "8".
 * A name that does not fit ends in "…" (the card's tooltip has it whole). JavaFX's own wrapping breaks only at spaces
 * and then anywhere in a word, hence this. Pure: the width of a text is measured by the caller (in the card's font).
 */
public final class CardNameLayout {

    static final String ELLIPSIS = "…";

    private CardNameLayout() {}

    /**
     * The lines of {@code name}, joined by '\n'.
     *
     * @param widthOf the width of a text in the font the card shows it in
     * @param maxWidth the card's width for the name
     * @param maxLines how many lines the card has room for
     */
    public static String lines(String name, ToDoubleFunction<String> widthOf, double maxWidth, int maxLines) {
        List<String> chunks = chunks(name.strip());
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            String chunk = chunks.get(i);
            String candidate = line + chunk;
            if (widthOf.applyAsDouble(candidate.stripTrailing()) <= maxWidth) {
                line.append(chunk);
                continue;
            }
            boolean lastLine = lines.size() == maxLines - 1;
            if (line.length() == 0 || lastLine) {
                // A word longer than the card, or more name than lines: what fits, then "…".
                lines.add(ellipsized(String.join("", chunks.subList(i, chunks.size())), line.toString(), widthOf,
                        maxWidth));
                return String.join("\n", lines);
            }
            lines.add(line.toString().stripTrailing());
            line = new StringBuilder(chunk);
            if (widthOf.applyAsDouble(chunk.stripTrailing()) > maxWidth) {
                line = new StringBuilder();
                i--;
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString().stripTrailing());
        }
        return String.join("\n", lines);
    }

    /**
     * {@code start} and as much of {@code rest} as fits before "…", cut after a separator where one fits (which may be
     * inside {@code start}: the line may be full without room for the "…").
     */
    private static String ellipsized(String rest, String start, ToDoubleFunction<String> widthOf, double maxWidth) {
        String whole = start + rest;
        int fits = 0;
        for (int n = 1; n <= whole.length(); n++) {
            if (widthOf.applyAsDouble(whole.substring(0, n).stripTrailing() + ELLIPSIS) > maxWidth) {
                break;
            }
            fits = n;
        }
        int cut = fits;
        for (int n = fits; n >= 1; n--) {
            if (breaksAfter(whole.charAt(n - 1))) {
                cut = n;
                break;
            }
        }
        // Cutting at a word's end is only worth it when it keeps most of the line.
        if (widthOf.applyAsDouble(whole.substring(0, cut)) < 0.6 * maxWidth) {
            cut = fits;
        }
        return whole.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /** The name cut after each space and separator: the pieces a line may end after. */
    static List<String> chunks(String name) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean nextIsSpace = i + 1 < name.length() && Character.isWhitespace(name.charAt(i + 1));
            if (breaksAfter(c) && !nextIsSpace) {
                chunks.add(name.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < name.length()) {
            chunks.add(name.substring(start));
        }
        return chunks;
    }

    private static boolean breaksAfter(char c) {
        return Character.isWhitespace(c) || c == '-' || c == '_' || c == '.' || c == '/';
    }
}
