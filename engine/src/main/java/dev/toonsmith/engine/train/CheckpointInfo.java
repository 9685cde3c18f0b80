package dev.toonsmith.engine.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One complete checkpoint of a run, as a list of them shows it: what the generator drew by then lets the user
 * pick the step to export or resume from.
 *
 * @param step the steps trained when it was written
 * @param time when it was written (its own record of it, else its state file's modification time)
 * @param folder the checkpoint's folder, {@code checkpoints/step-NNNNNN}
 * @param sample the sample grid of that step, or the nearest one before it; empty when the run wrote none by then
 */
public record CheckpointInfo(long step, Instant time, Path folder, Optional<Path> sample) {

    public CheckpointInfo {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(sample, "sample");
    }
}
