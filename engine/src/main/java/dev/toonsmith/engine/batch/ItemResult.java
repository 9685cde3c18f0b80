package dev.toonsmith.engine.batch;

import java.nio.file.Path;

/**
 * How one input ended, for the report and the queue.
 *
 * @param item the input
 * @param status how it ended
 * @param output the file written or found (DONE, SKIPPED), or null
 * @param millis wall time spent on it, 0 when not rendered
 * @param width the output's width, 0 when not rendered
 * @param height the output's height, 0 when not rendered
 * @param message why it failed or was skipped, as a sentence for the user; empty when done
 */
public record ItemResult(BatchItem item, ItemStatus status, Path output, long millis, int width, int height,
        String message) {

    static ItemResult done(BatchItem item, long millis, int width, int height) {
        return new ItemResult(item, ItemStatus.DONE, item.output(), millis, width, height, "");
    }

    static ItemResult skipped(BatchItem item, String why) {
        return new ItemResult(item, ItemStatus.SKIPPED, item.output(), 0, 0, 0, why);
    }

    static ItemResult failed(BatchItem item, long millis, String why) {
        return new ItemResult(item, ItemStatus.FAILED, null, millis, 0, 0, why);
    }

    static ItemResult cancelled(BatchItem item) {
        return new ItemResult(item, ItemStatus.CANCELLED, null, 0, 0, 0, "");
    }
}
