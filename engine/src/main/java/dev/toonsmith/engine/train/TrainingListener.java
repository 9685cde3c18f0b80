package dev.toonsmith.engine.train;

/**
 * Receives a run's events. Called on the run's event thread, one event at a time, in order; implementations
 * that update a UI must hand the event over to the UI thread themselves.
 */
@FunctionalInterface
public interface TrainingListener {

    void onEvent(TrainingEvent event);
}
