package dev.toonsmith.app.studio.tasks;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * A background job the user can see in the status bar: a name and its progress. Only changed on the UI
 * executor's thread, so views can bind to it.
 */
public final class Job {

    private final String name;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);

    Job(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** 0 to 1, or -1 while it is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    void setProgress(double value) {
        progress.set(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
