package dev.toonsmith.app.studio.tasks;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A latest-wins slot of {@link BackgroundTasks}: a new request cancels the one before it (interrupting its
 * thread) and only the newest request's result reaches the UI. Requests are never queued, so dragging a
 * slider costs one render at the end, not one per position.
 */
public final class Lane {

    private final BackgroundTasks tasks;
    private final String name;
    private final AtomicLong generation = new AtomicLong();
    private TaskHandle running = TaskHandle.NONE;

    Lane(BackgroundTasks tasks, String name) {
        this.tasks = tasks;
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Cancels what this lane runs and starts {@code work}.
     *
     * @param jobName shown in the status bar while it runs; null for quick work
     */
    public synchronized <T> Request submit(String jobName, LaneWork<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        running.cancel();
        long mine = generation.incrementAndGet();
        Request request = new Request(this, mine);
        running = tasks.submit(jobName, progress -> work.run(request, progress), onSuccess, onFailure,
                request::isLatest);
        return request;
    }

    /** Cancels what this lane runs; its result will not be delivered. */
    public synchronized void cancel() {
        generation.incrementAndGet();
        running.cancel();
        running = TaskHandle.NONE;
    }

    public String name() {
        return name;
    }

    /** Work that can ask whether its request is still the newest, e.g. before publishing shared state. */
    @FunctionalInterface
    public interface LaneWork<T> {
        T run(Request request, Progress progress) throws Exception;
    }

    /** One request of a lane, which work can ask whether it is still the newest. */
    public static final class Request {

        private final Lane lane;
        private final long generation;

        Request(Lane lane, long generation) {
            this.lane = lane;
            this.generation = generation;
        }

        /** Whether no newer request was submitted to the lane (and the lane was not cancelled). */
        public boolean isLatest() {
            return lane.generation.get() == generation;
        }
    }
}
