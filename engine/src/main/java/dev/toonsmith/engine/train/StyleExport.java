package dev.toonsmith.engine.train;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleManifest;
import dev.toonsmith.engine.style.StyleWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** Turns a checkpoint of a training run into a style file anyone can use. */
public final class StyleExport {

    /**
     * What the style says about itself.
     *
     * @param id the style's id (a lowercase slug)
     * @param name display name
     * @param author who made it
     * @param license the licence of the weights (mind the licences of the training images)
     * @param attribution credits for the training images
     * @param description free text
     * @param workingEdge the longest edge the style draws at ({@link StyleManifest#workingEdge()}; 0: any size)
     */
    public record Details(String id, String name, String author, String license, String attribution, String description,
            int workingEdge) {

        /**
         * The working edge new styles get: the studio's preview size, so that an export at full resolution shows
         * the look the preview showed.
         */
        public static final int DEFAULT_WORKING_EDGE = 1024;
    }

    private StyleExport() {}

    /**
     * Writes the generator of {@code run}'s checkpoint at {@code step} (the newest when empty) to {@code target}.
     *
     * @return the written style, read back and checked
     */
    public static StyleBundle export(RunFolder run, Optional<Long> step, Details details, Path target) throws IOException {
        TrainingOptions options = run.readConfig();
        Optional<Path> found = step.isPresent() ? run.checkpoint(step.get()) : run.latestCheckpoint();
        if (found.isEmpty()) {
            throw new IOException(step.isPresent()
                    ? run.root() + " has no checkpoint of step " + step.get() + " (it has " + describe(run)
                            + "). Pick one of those, or 'latest'."
                    : run.root() + " has no checkpoint yet: the first is written after " + options.checkpointEvery()
                            + " steps (the checkpoint-every option). Train it that far first.");
        }
        Path checkpoint = found.get();
        long at = RunFolder.stepOf(checkpoint);
        StyleManifest manifest = StyleManifest.builder(details.id(), details.name(), options.generatorSpec())
                .author(details.author())
                .license(details.license())
                .attribution(details.attribution() == null ? "" : details.attribution())
                .description(details.description() == null ? "" : details.description())
                .workingEdge(details.workingEdge())
                .training(new StyleManifest.Training(summary(options, at), at, options.mode(), datasets(run)))
                .build();
        byte[] weights = Files.readAllBytes(checkpoint.resolve("generator.safetensors"));
        StyleBundle bundle = StyleBundle.of(manifest, weights, thumbnail(run, at));
        return StyleWriter.write(bundle, target);
    }

    private static String summary(TrainingOptions o, long step) {
        // The extractor by file name only: its folder is the trainer's business, not the style's users'.
        return String.format(Locale.ROOT, "%s mode, %s generator, %d of %d steps at %d px, batch %d, %s loss%s%s",
                o.mode(), o.generatorSpec().describe(), step, o.steps(), o.size(), o.batch(),
                o.ganLoss().name().toLowerCase(Locale.ROOT), o.spectralNorm() ? ", spectral norm" : "",
                o.perceptual() == null ? "" : ", perceptual content loss (" + Path.of(o.perceptual()).getFileName() + ")");
    }

    private static List<String> datasets(RunFolder run) throws IOException {
        // Folder names only: a full path would tell everyone the style is shared with where its trainer keeps files.
        Optional<DatasetFolders> folders = DatasetFolders.read(run);
        return folders.map(f -> List.of("photos: " + folderName(f.photos()), "cartoons: " + folderName(f.cartoons())))
                .orElse(List.of());
    }

    private static String folderName(Path folder) {
        Path name = folder.getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    /** The first stylized sample (bottom row, first column) of the grid nearest before the checkpoint. */
    private static byte[] thumbnail(RunFolder run, long step) throws IOException {
        Path grid = run.sample(step);
        if (!Files.exists(grid)) {
            grid = run.latestSample().orElseThrow(() -> new IOException(run.root()
                    + " has no sample grid to make a thumbnail from. Resume the run for a step to write one."));
        }
        OpenCv.load();
        try (Image image = ImageReader.read(grid)) {
            int side = image.height() / 2;
            Mat tile = image.mat().submat(side, 2 * side, 0, Math.min(side, image.width()));
            MatOfByte png = new MatOfByte();
            Imgcodecs.imencode(".png", tile, png);
            return png.toArray();
        }
    }

    private static String describe(RunFolder run) throws IOException {
        List<Long> steps = run.checkpointFolders().stream().map(RunFolder::stepOf).toList();
        return steps.isEmpty() ? "none" : "steps " + steps;
    }
}
