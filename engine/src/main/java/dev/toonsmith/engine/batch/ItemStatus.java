package dev.toonsmith.engine.batch;

import java.util.Locale;

/** How one input of a batch ended. */
public enum ItemStatus {
    /** Rendered and written. */
    DONE,
    /** Not rendered: its output exists from an earlier run of the same batch, or from before (on-exists skip). */
    SKIPPED,
    /** Could not be rendered (unreadable, corrupt, unsupported); the batch went on. */
    FAILED,
    /** Not reached: the batch was cancelled or stopped. */
    CANCELLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
