package dev.toonsmith.app.studio.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects items from any thread and hands them to the UI thread in batches, at most once per interval: a training
 * run of 20 steps a second, or a batch finishing small images on several threads, must not post 20 redraws a second
 * to the UI thread. The first item after a quiet spell goes out
 * after one interval at most, so nothing waits for the next one.
 *
 * @param <T> the items
 */
public final class EventThrottle<T> implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "toonsmith-event-throttle");
        t.setDaemon(true);
        return t;
    });

    private final ConcurrentLinkedQueue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor uiThread;
    private final Consumer<List<T>> onBatch;
    private final long intervalMillis;
    private volatile boolean closed;

    /**
     * @param onBatch receives each batch, in order, on {@code uiThread}
     */
    public EventThrottle(Executor uiThread, Duration interval, Consumer<List<T>> onBatch) {
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.onBatch = Objects.requireNonNull(onBatch, "onBatch");
        this.intervalMillis = interval.toMillis();
    }

    /** Queues an item; any thread. */
    public void offer(T item) {
        if (closed) {
            return;
        }
        pending.add(item);
        if (scheduled.compareAndSet(false, true)) {
            TIMER.schedule(() -> uiThread.execute(this::drain), intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Hands over what is queued now, on the UI thread, without waiting for the interval. */
    public void flush() {
        uiThread.execute(this::drain);
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = pending.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty() && !closed) {
            onBatch.accept(batch);
        }
    }

    @Override
    public void close() {
        closed = true;
        pending.clear();
    }
}
