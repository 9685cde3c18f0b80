package dev.toonsmith.app.studio;

import dev.toonsmith.app.studio.tasks.BackgroundTasks;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;

/**
 * A stand-in for the FX thread in ViewModel tests: one thread that runs what the ViewModels hand to the UI,
 * in order, as {@code Platform.runLater} would.
 */
public final class UiQueue implements Executor, AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui-thread");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable command) {
        thread.execute(command);
    }

    /** Runs {@code action} on the UI thread and waits for it. */
    public void run(Runnable action) {
        CompletableFuture.runAsync(action, thread).join();
    }

    /** Reads {@code read} on the UI thread. */
    public <T> T call(java.util.function.Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, thread).join();
    }

    /** Waits until no background work runs and the UI thread has handled everything it was handed. */
    public void settle(BackgroundTasks tasks) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!tasks.awaitIdle(Duration.ofSeconds(60))) {
                throw new AssertionError("background work did not finish within a minute");
            }
            run(() -> { });
            if (!tasks.busy()) {
                run(() -> { });
                if (!tasks.busy()) {
                    return;
                }
            }
        }
        throw new AssertionError("the studio did not settle within a minute");
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
