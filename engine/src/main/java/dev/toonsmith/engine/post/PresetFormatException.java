package dev.toonsmith.engine.post;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A preset file that cannot be used: not JSON, made by a newer Toonsmith, or with an unknown step or field,
 * a value of the wrong type or out of range.
 *
 * <p>An {@link IOException} because it is a property of a file the user picked or edited, and callers
 * already tell the user about I/O failures. The message names the file and the field as written in the file,
 * e.g. {@code Preset /home/ann/my.json: quantize.colors must be between 2 and 64, got 300}, because users
 * edit these files by hand.
 */
public class PresetFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;
    private final String problem;

    /**
     * @param file the preset file, or a built-in preset's resource name
     * @param field the offending field as a dotted path such as {@code quantize.colors}, or null when the
     *     problem is not one field's (e.g. the file is not JSON)
     * @param problem what is wrong, naming the field
     */
    public PresetFormatException(Path file, String field, String problem, Throwable cause) {
        super("Preset " + file + ": " + problem, cause);
        this.file = file;
        this.field = field;
        this.problem = problem;
    }

    public PresetFormatException(Path file, String field, String problem) {
        this(file, field, problem, null);
    }

    /** The preset file, or a built-in preset's resource name. */
    public Path file() {
        return file;
    }

    /** The offending field, such as {@code quantize.colors}, or null. */
    public String field() {
        return field;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
