package dev.toonsmith.engine.batch;

/**
 * Hears a batch's progress. Called on the batch's own threads, one event at a time (never concurrently), in
 * the order things happened; keep it quick, and hand work for a UI over to the UI's thread.
 */
@FunctionalInterface
public interface BatchListener {

    BatchListener NONE = event -> { };

    void onEvent(BatchEvent event);
}
