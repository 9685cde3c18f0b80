package dev.toonsmith.app.studio.tasks;

/**
 * A piece of background work: runs on a worker thread, reports progress, stops when its thread is
 * interrupted (the engine's stylizer checks between tiles).
 */
@FunctionalInterface
public interface Work<T> {

    T run(Progress progress) throws Exception;
}
