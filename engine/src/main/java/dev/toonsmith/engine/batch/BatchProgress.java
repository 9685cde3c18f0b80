package dev.toonsmith.engine.batch;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a batch stands.
 *
 * @param finished inputs that have ended, in any way
 * @param total inputs in the batch
 * @param failed inputs that failed so far
 * @param skipped inputs skipped so far
 * @param elapsed time since the batch started
 * @param eta the time left at the rate of the inputs rendered so far; empty until one is
 */
public record BatchProgress(int finished, int total, int failed, int skipped, Duration elapsed,
        Optional<Duration> eta) {

    /** 0 to 1. */
    public double fraction() {
        return total == 0 ? 1 : (double) finished / total;
    }
}
