package dev.toonsmith.app.studio.batch;

import dev.toonsmith.engine.batch.ItemStatus;
import java.util.Locale;

/** Where one input of the queue stands: the engine's four endings, and the two states before an ending. */
public enum RowStatus {
    WAITING,
    RENDERING,
    DONE,
    SKIPPED,
    FAILED,
    CANCELLED;

    public static RowStatus of(ItemStatus status) {
        return switch (status) {
            case DONE -> DONE;
            case SKIPPED -> SKIPPED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }

    /** The key of its label in the texts: {@code batch.status.done}. */
    public String textKey() {
        return "batch.status." + name().toLowerCase(Locale.ROOT);
    }
}
