package dev.toonsmith.engine.train;

import dev.toonsmith.engine.train.data.SkippedFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a training run tells its listeners. Immutable; delivered in order on the run's event thread, never
 * on the training thread (so a slow listener cannot stall training) and never on a UI thread.
 */
public sealed interface TrainingEvent {

    /** The step the event belongs to. */
    long step();

    /**
     * The run has loaded its data and networks and is about to train.
     *
     * @param startStep 0 for a new run, the checkpoint's step for a resumed one
     * @param skipped files of either dataset that could not be used, with the reason
     */
    record Started(long step, Path runFolder, TrainingOptions options, long startStep, int photos, int cartoons,
            List<SkippedFile> skipped, String device) implements TrainingEvent {}

    /**
     * One step's figures.
     *
     * @param losses every loss term by name
     * @param realScore the discriminator's mean verdict on real cartoons ({@link GanLoss#score})
     * @param fakeScore its mean verdict on generated images
     * @param imagesPerSecond photos processed per second, averaged over recent steps
     * @param remaining estimated time to the last step
     */
    record Step(long step, long totalSteps, int epoch, double learningRate, Map<String, Double> losses,
            double realScore, double fakeScore, double imagesPerSecond, Duration remaining) implements TrainingEvent {}

    /** A new sample grid (fixed photos above, their stylized versions below) was written. */
    record Sample(long step, Path file) implements TrainingEvent {}

    /** A checkpoint was written. */
    record CheckpointSaved(long step, Path folder) implements TrainingEvent {}

    /** Training paused after this step. */
    record Paused(long step) implements TrainingEvent {}

    /** Training resumed. */
    record Resumed(long step) implements TrainingEvent {}

    /**
     * A loss was NaN or infinite: the step's update was skipped and the learning rate lowered.
     *
     * @param learningRateScale the factor now applied to the scheduled learning rate
     * @param consecutive non-finite steps in a row
     */
    record NonFinite(long step, String loss, double learningRateScale, int consecutive) implements TrainingEvent {}

    /** After three non-finite steps in a row the run went back to its last checkpoint. */
    record RolledBack(long step, long fromStep) implements TrainingEvent {}

    /**
     * The run ended.
     *
     * @param stoppedEarly whether it was stopped before its last step
     * @param lastCheckpoint the checkpoint written at the end
     */
    record Finished(long step, boolean stoppedEarly, Path lastCheckpoint) implements TrainingEvent {}

    /** The run failed; its last checkpoint is intact and it can be resumed. */
    record Failed(long step, String message) implements TrainingEvent {}
}
