package dev.toonsmith.app.studio.tasks;

/** How far a piece of {@link Work} has got. Callable from any thread. */
@FunctionalInterface
public interface Progress {

    /** Ignores progress. */
    Progress NONE = fraction -> { };

    /** @param fraction 0 to 1, or a negative value for "busy, no idea how long" */
    void update(double fraction);
}
