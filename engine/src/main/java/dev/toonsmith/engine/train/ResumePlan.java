package dev.toonsmith.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What resuming a run will do: the options it was started with, extended where the user asked, and the data folders
 * it reads. {@code train --resume} and the studio's Train page both resume through it, so they cannot disagree.
 *
 * @param options the run's options, with a longer {@code steps} or the feature extractor's new place applied
 * @param photos the photo folder: the one given, else the one the run was started with, else null
 * @param cartoons the cartoon folder, likewise
 */
public record ResumePlan(TrainingOptions options, Path photos, Path cartoons) {

    /**
     * Plans resuming the run in {@code folder}.
     *
     * @param steps a new total of steps, or null to finish the planned one; it can only extend the run, since the
     *     learning-rate schedule follows the total
     * @param perceptual where the run's feature extractor is now, or null if it has not moved; a run started without
     *     one cannot gain one, since its content loss must not change halfway
     * @param photos another photo folder, or null for the run's own
     * @param cartoons another cartoon folder, or null for the run's own
     * @throws TrainingOptionException if {@code steps} or {@code perceptual} cannot apply to this run
     * @throws IOException if the folder holds no run, or its configuration cannot be read
     */
    public static ResumePlan of(RunFolder folder, Long steps, Path perceptual, Path photos, Path cartoons)
            throws IOException {
        TrainingOptions options = folder.readConfig();
        if (steps != null) {
            if (steps < options.steps()) {
                throw new TrainingOptionException("steps", steps + " is fewer than the " + options.steps()
                        + " steps this run was planned for: resuming can only extend a run (its learning-rate schedule"
                        + " follows the total). Leave it out to finish the run.");
            }
            options = TrainingOptionsCodec.with(options, Map.of("steps", steps));
        }
        if (perceptual != null) {
            if (options.perceptual() == null) {
                throw new TrainingOptionException("perceptual", "cannot be added to a run that started without it: its"
                        + " content loss must not change halfway. Start a new run with it.");
            }
            options = TrainingOptionsCodec.with(options,
                    Map.of("perceptual", perceptual.toAbsolutePath().normalize().toString()));
        }
        Optional<DatasetFolders> saved = DatasetFolders.read(folder);
        return new ResumePlan(options, photos != null ? photos : saved.map(DatasetFolders::photos).orElse(null),
                cartoons != null ? cartoons : saved.map(DatasetFolders::cartoons).orElse(null));
    }
}
