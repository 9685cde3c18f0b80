package dev.toonsmith.engine.style;

/**
 * Where an installed style comes from, which decides what the user may do with it: bundled styles ship
 * inside the application and cannot be deleted or shadowed, user styles can.
 */
public enum StyleSource {
    /** Shipped with Toonsmith, listed in the application's style index. */
    BUNDLED,
    /** Imported or trained by the user, kept in {@link dev.toonsmith.engine.io.UserDirectories#styles()}. */
    USER,
    /**
     * A training checkpoint tried on in the studio before it is exported: not installed, gone when the studio
     * closes, never deleted from a card.
     */
    PREVIEW
}
