package dev.toonsmith.engine.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a batch ended: every input's result in batch order, and where the report and the settings were written.
 *
 * @param results one per input, in batch order
 * @param elapsed wall time of the whole batch
 * @param fatal why the batch stopped early (an output that could not be written, say), or empty
 * @param cancelled whether it was cancelled
 * @param csv the report as CSV
 * @param json the report as JSON
 * @param settings the settings the batch ran with, to repeat it
 */
public record BatchReport(List<ItemResult> results, Duration elapsed, Optional<String> fatal, boolean cancelled,
        Path csv, Path json, Path settings) {

    public BatchReport {
        results = List.copyOf(results);
    }

    public long count(ItemStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public List<ItemResult> failures() {
        return results.stream().filter(r -> r.status() == ItemStatus.FAILED).toList();
    }

    /** Whether every input was rendered or skipped as done. */
    public boolean allSucceeded() {
        return fatal.isEmpty() && !cancelled && count(ItemStatus.FAILED) == 0 && count(ItemStatus.CANCELLED) == 0;
    }

    /** Rendered images per minute over the whole batch. */
    public double imagesPerMinute() {
        double minutes = elapsed.toNanos() / 60e9;
        return minutes <= 0 ? 0 : count(ItemStatus.DONE) / minutes;
    }
}
