package dev.toonsmith.engine.style;

import java.io.IOException;

/**
 * A library operation the user asked for that cannot be done as asked: importing a style whose id is
 * already installed, deleting a bundled style, or naming a style that is not installed. The message says
 * which style and what to do instead.
 */
public class StyleLibraryException extends IOException {

    private static final long serialVersionUID = 1L;

    public StyleLibraryException(String message) {
        super(message);
    }
}
