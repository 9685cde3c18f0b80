package dev.toonsmith.app.studio.tasks;

/** A submitted piece of work, which the user (or a newer request) can cancel. */
public interface TaskHandle {

    /** A handle for nothing, e.g. before the first request. */
    TaskHandle NONE = () -> { };

    /** Interrupts the work if it runs and drops its result; does nothing once it has finished. */
    void cancel();
}
