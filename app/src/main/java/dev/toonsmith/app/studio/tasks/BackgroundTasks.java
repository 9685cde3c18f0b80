package dev.toonsmith.app.studio.tasks;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's one background executor. Work runs on worker threads; its results, failures and progress are
 * handed to the UI executor ({@code Platform::runLater} in the app, a direct executor in tests), so
 * ViewModels are only ever changed on the UI thread and the UI thread never waits for the engine.
 *
 * <p>Workers are created on demand rather than from a fixed pool: a cancelled generator pass cannot stop
 * mid-layer, and a newer request must not queue behind it.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTasks.class);

    private final Executor uiThread;
    private final ExecutorService workers;
    private final ObservableList<Job> jobs = FXCollections.observableArrayList();
    private final ObservableList<Job> readOnlyJobs = FXCollections.unmodifiableObservableList(jobs);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();

    public BackgroundTasks(Executor uiThread) {
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "toonsmith-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            // The UI's own threads must win the two cores while an export renders.
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        this.workers = Executors.newCachedThreadPool(factory);
    }

    /** The executor that runs on the UI thread. */
    public Executor uiThread() {
        return uiThread;
    }

    /** The jobs running now that the user should see, changed on the UI thread. */
    public ObservableList<Job> jobs() {
        return readOnlyJobs;
    }

    /** A latest-wins slot: submitting to it cancels what it was running. */
    public Lane lane(String name) {
        return new Lane(this, name);
    }

    /**
     * Runs {@code work} in the background and hands its result to {@code onSuccess}, or its failure to
     * {@code onFailure}, on the UI thread. Nothing is handed over once the task was cancelled.
     *
     * @param jobName shown in the status bar while it runs; null for work too quick to mention
     */
    public <T> TaskHandle submit(String jobName, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        return submit(jobName, work, onSuccess, onFailure, () -> true);
    }

    <T> TaskHandle submit(String jobName, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure, BooleanSupplier stillWanted) {
        Objects.requireNonNull(work, "work");
        if (workers.isShutdown()) {
            // A result that arrives while the studio closes may ask for follow-up work (a render after a restyle):
            // there is no one left to show it to.
            log.debug("Not starting {}: the studio is closing", jobName);
            return TaskHandle.NONE;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        BooleanSupplier wanted = () -> !cancelled.get() && stillWanted.getAsBoolean();
        Job job = jobName == null ? null : new Job(jobName);
        if (job != null) {
            uiThread.execute(() -> jobs.add(job));
        }
        Progress progress = job == null ? Progress.NONE : new ThrottledProgress(job, uiThread);
        inFlight.incrementAndGet();
        // Whoever claims the task first, the worker starting it or a cancel before it started, settles the
        // in-flight count and the job entry; a task cancelled before it ran would otherwise never do so.
        AtomicBoolean claimed = new AtomicBoolean();
        Future<?> future;
        try {
            future = workers.submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return;
                }
                try {
                    T result = work.run(progress);
                    uiThread.execute(() -> {
                        finish(job);
                        if (wanted.getAsBoolean()) {
                            onSuccess.accept(result);
                        }
                    });
                } catch (Throwable e) {
                    boolean cancellation = isCancellation(e) || cancelled.get();
                    if (!cancellation) {
                        log.debug("Background work {} failed", jobName, e);
                    }
                    uiThread.execute(() -> {
                        finish(job);
                        if (!cancellation && wanted.getAsBoolean()) {
                            onFailure.accept(unwrap(e));
                        }
                    });
                } finally {
                    leave();
                }
            });
        } catch (RuntimeException e) {
            leave();
            throw e;
        }
        return () -> {
            if (cancelled.compareAndSet(false, true)) {
                if (claimed.compareAndSet(false, true)) {
                    future.cancel(false);
                    uiThread.execute(() -> finish(job));
                    leave();
                } else {
                    future.cancel(true);
                }
            }
        };
    }

    private void leave() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private void finish(Job job) {
        if (job != null) {
            jobs.remove(job);
        }
    }

    /**
     * Waits until no work is running. For tests and orderly shutdown; never call it on the UI thread of a
     * running app.
     *
     * @return whether everything finished in time
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    /** Whether any work is running or waiting. */
    public boolean busy() {
        return inFlight.get() > 0;
    }

    static boolean isCancellation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CancellationException || t instanceof InterruptedException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Stops the workers; running work is interrupted. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Hands progress to the UI thread at most once per percent, so a tiled render cannot flood it. */
    private static final class ThrottledProgress implements Progress {

        private final Job job;
        private final Executor uiThread;
        private volatile int lastPercent = Integer.MIN_VALUE;

        ThrottledProgress(Job job, Executor uiThread) {
            this.job = job;
            this.uiThread = uiThread;
        }

        @Override
        public void update(double fraction) {
            int percent = fraction < 0 ? -1 : (int) Math.round(Math.min(1, fraction) * 100);
            if (percent != lastPercent) {
                lastPercent = percent;
                uiThread.execute(() -> job.setProgress(percent < 0 ? -1 : percent / 100.0));
            }
        }
    }
}
