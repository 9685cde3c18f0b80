package dev.toonsmith.engine.style;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be used as a style: not a style at all, damaged, made by a newer Toonsmith, or holding
 * weights that do not fit the architecture its manifest names.
 *
 * <p>It is an {@link IOException} because it is a property of a file the user picked, and callers already
 * handle I/O failures by telling the user. The message is written for that user: it names the file, says
 * what is wrong and what to do about it. {@link #problem()} holds just what is wrong, for lists that show
 * the file name separately.
 */
public class StyleFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    /**
     * @param file the style file, or null for a style that only exists in memory
     * @param problem what is wrong, e.g. {@code manifest field 'id' is missing}
     * @param advice what the user can do, e.g. {@code re-export the style from Toonsmith}
     */
    public StyleFormatException(Path file, String problem, String advice) {
        this(file, problem, advice, null);
    }

    public StyleFormatException(Path file, String problem, String advice, Throwable cause) {
        this(describe(file) + ": " + problem + ". " + capitalize(advice) + ".", file, problem, cause);
    }

    private StyleFormatException(String message, Path file, String problem, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file is not a zip archive, so not a style at all (a photo or a model file picked by mistake). */
    public static StyleFormatException notAZip(Path file) {
        String problem = "it is not a zip archive";
        return new StyleFormatException(
                (file == null ? "This" : file.toString()) + " is not a Toonsmith style: " + problem
                        + ". Choose a .toon file exported by Toonsmith.",
                file, problem, null);
    }

    /** The style file, or null when the style was built in memory and not written yet. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name or advice. */
    public String problem() {
        return problem;
    }

    private static String describe(Path file) {
        return file == null ? "Style (not saved yet)" : "Style " + file;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
