package dev.toonsmith.engine.style;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the {@link StyleLibrary} found but could not offer, and why. One bad file in the styles folder must
 * not hide the others, so the library collects these instead of failing, and the user can be shown what
 * to fix or remove.
 *
 * @param file the offending file
 * @param message a complete sentence for the user, naming the file
 */
public record StyleProblem(Path file, String message) {

    public StyleProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }
}
