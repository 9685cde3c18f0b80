package dev.toonsmith.engine.batch;

/**
 * Bounds a batch's memory: every image in flight holds its pixel count until it is written, and decoding waits
 * while the budget is spent. One image larger than the whole budget takes all of it, so a folder of 12000x9000
 * scans goes through one scan at a time while small photos keep the pipeline full.
 *
 * <p>Hand-written rather than a {@link java.util.concurrent.Semaphore}: permits are counted in pixels (more than
 * an int holds for a few large scans), and a request is capped at the budget.
 */
final class PixelBudget {

    private final long capacity;
    private long available;

    PixelBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.available = capacity;
    }

    /** Waits until {@code pixels} (at most the whole budget) are free, takes them, and returns what it took. */
    synchronized long acquire(long pixels) throws InterruptedException {
        long wanted = Math.min(Math.max(pixels, 1), capacity);
        while (available < wanted) {
            wait();
        }
        available -= wanted;
        return wanted;
    }

    synchronized void release(long taken) {
        available = Math.min(capacity, available + taken);
        notifyAll();
    }
}
