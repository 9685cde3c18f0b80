package dev.toonsmith.engine.batch;

import java.util.List;

/** What a running batch tells its {@link BatchListener}. */
public sealed interface BatchEvent {

    /** The inputs are listed; rendering starts. */
    record Planned(List<BatchItem> items) implements BatchEvent {}

    /** One input's rendering began (after it was decoded). */
    record ItemStarted(BatchItem item) implements BatchEvent {}

    /** One input ended. */
    record ItemFinished(ItemResult result, BatchProgress progress) implements BatchEvent {}

    /** The batch ended: all inputs done, cancelled, or stopped by a fatal error; the report is written. */
    record Finished(BatchReport report) implements BatchEvent {}
}
