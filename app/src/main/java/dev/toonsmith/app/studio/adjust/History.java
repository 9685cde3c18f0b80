package dev.toonsmith.app.studio.adjust;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Undo and redo over committed values: {@link #commit} records a state the user arrived at (a slider
 * released, a preset picked), not every position on the way, so one undo takes back one gesture.
 */
public final class History<T> {

    private final int limit;
    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private T current;

    public History(T initial, int limit) {
        this.current = Objects.requireNonNull(initial, "initial");
        this.limit = limit;
    }

    /** Records {@code state} as the new current one, if it differs; clears the redo list. */
    public boolean commit(T state) {
        Objects.requireNonNull(state, "state");
        if (state.equals(current)) {
            return false;
        }
        undo.push(current);
        while (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
        current = state;
        return true;
    }

    /** Starts over from {@code state}, forgetting the past, e.g. when the library of presets changed. */
    public void reset(T state) {
        undo.clear();
        redo.clear();
        current = Objects.requireNonNull(state, "state");
    }

    public Optional<T> undo() {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        redo.push(current);
        current = undo.pop();
        return Optional.of(current);
    }

    public Optional<T> redo() {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        undo.push(current);
        current = redo.pop();
        return Optional.of(current);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public T current() {
        return current;
    }
}
