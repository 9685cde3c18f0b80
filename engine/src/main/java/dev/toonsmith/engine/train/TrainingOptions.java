package dev.toonsmith.engine.train;

import dev.toonsmith.engine.model.Architectures;
import dev.toonsmith.engine.model.DiscriminatorSpec;
import dev.toonsmith.engine.model.GeneratorSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every option of a training run. Saved whole, defaults included, as the run folder's {@code config.json}, so a
 * run can always be understood and resumed from its folder alone.
 *
 * @param mode {@code cartoongan} (one generator, unpaired photo to cartoon) or {@code cyclegan}
 * @param architecture generator architecture name ({@code lite} or {@code cartoongan})
 * @param generator the generator's hyperparameters (missing ones take the architecture's defaults)
 * @param size training crop size in pixels (a multiple of 4)
 * @param batch images per step from each domain
 * @param steps total steps, initialization phase included
 * @param initSteps steps at the start that train the generator on content alone (cartoongan mode)
 * @param ganLoss adversarial objective
 * @param labelSmoothing real target for the vanilla loss (1 = none, 0.9 = one-sided smoothing)
 * @param discriminatorWidth channels of the discriminator's first layer
 * @param discriminatorLayers strided layers of each PatchGAN (3 = 70x70 patches)
 * @param spectralNorm spectral normalization on the discriminator
 * @param discriminatorScales 1, or 2 for multi-scale discriminators
 * @param discriminatorSteps discriminator updates per generator update
 * @param learningRate Adam base learning rate (both networks)
 * @param beta1 Adam beta1 (0.5 for GANs)
 * @param beta2 Adam beta2
 * @param schedule learning-rate schedule
 * @param lambdaAdversarial weight of the generator's adversarial loss
 * @param lambdaContent weight of the content loss (cartoongan mode)
 * @param contentScale the content loss compares photo and output after average pooling by this factor: 1 is
 *     plain pixel L1, larger leaves the generator free to redraw texture and lines while keeping layout and
 *     colour (no pretrained network is needed); unused with {@code perceptual}
 * @param perceptual path of a TorchScript feature extractor (cartoongan mode; null = off): the content loss
 *     then compares its feature maps of output and photo instead of pooled pixels. The file is the user's
 *     (nothing is downloaded); it is reloaded from this path on resume and never copied into checkpoints.
 *     See {@link FeatureExtractor} for what it receives
 * @param lambdaSurface weight of an L1 pull towards a filtered copy of the photo (cartoongan mode; 0 = off)
 * @param surfaceTarget that copy: {@code bilateral} (edge-preserving flattening only), {@code toon} (flattened,
 *     with dark outlines on strong gradients) or {@code cartoon} (flattening, a few colours and thin outlines, drawn by the post-processing chain), after White-box
 *     cartoonization's surface and structure representations
 * @param lambdaInk how much more the {@code toon} target's lines count in that pull: a pixel with a full line
 *     counts {@code 1 + lambdaInk} times a flat one (0 = evenly, as runs before the option). Lines are a few per cent
 *     of the pixels, so evenly weighed they are the first thing a small generator gives up
 * @param lineThreshold where the {@code toon} target's lines start: the flattened photo's colour gradient
 *     (Sobel, 0 to about 1440 on 8-bit pictures) at which ink begins; it is full 150 above. Low values ink
 *     wrinkles and wood grain too, high ones only object boundaries. Null reads as 90, the value of runs
 *     before the option
 * @param lambdaTotalVariation weight of the total-variation penalty on the output (against high-frequency
 *     artefacts)
 * @param edgeSmoothedNegatives show the discriminator cartoons with their outlines smoothed away as fakes
 *     (CartoonGAN), so that crisp outlines are what "real" means
 * @param lambdaCycle cycle-consistency weight (cyclegan mode)
 * @param lambdaIdentity identity weight as a fraction of {@code lambdaCycle} (cyclegan mode)
 * @param poolSize past fakes kept for the discriminators (cyclegan mode)
 * @param sampleEvery steps between sample grids
 * @param sampleCount fixed photos in the sample grid
 * @param checkpointEvery steps between checkpoints
 * @param keepCheckpoints checkpoints kept (the oldest are deleted)
 * @param seed seed of every random choice of the run
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param startFrom a style file ({@code .toon}) or run folder whose generator a new run starts from instead of random
 *     weights (fine-tuning), as an absolute path; null for a run from scratch. The run then has that generator's
 *     architecture and hyperparameters ({@link StartingPoint})
 */
public record TrainingOptions(
        String mode,
        String architecture,
        Map<String, Object> generator,
        int size,
        int batch,
        long steps,
        long initSteps,
        GanLoss ganLoss,
        double labelSmoothing,
        int discriminatorWidth,
        int discriminatorLayers,
        boolean spectralNorm,
        int discriminatorScales,
        int discriminatorSteps,
        double learningRate,
        double beta1,
        double beta2,
        LearningRateSchedule schedule,
        double lambdaAdversarial,
        double lambdaContent,
        int contentScale,
        String perceptual,
        double lambdaSurface,
        String surfaceTarget,
        double lambdaInk,
        Double lineThreshold,
        double lambdaTotalVariation,
        boolean edgeSmoothedNegatives,
        double lambdaCycle,
        double lambdaIdentity,
        int poolSize,
        int sampleEvery,
        int sampleCount,
        int checkpointEvery,
        int keepCheckpoints,
        long seed,
        String device,
        String startFrom) {

    /** The surface targets {@link #surfaceTarget} accepts. */
    public static final java.util.List<String> SURFACE_TARGETS = java.util.List.of("bilateral", "cartoon", "toon");

    /** Where the {@code toon} target's lines start unless told otherwise. */
    public static final double DEFAULT_LINE_THRESHOLD = 90;

    public TrainingOptions {
        generator = generator == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(generator));
        // Runs started before the option existed used the bilateral target.
        surfaceTarget = surfaceTarget == null ? "bilateral" : surfaceTarget;
        require(SURFACE_TARGETS.contains(surfaceTarget), "surface", "must be one of " + SURFACE_TARGETS + ", got '" + surfaceTarget + "'");
        lineThreshold = lineThreshold == null ? DEFAULT_LINE_THRESHOLD : lineThreshold;
        require(lineThreshold >= 0 && lineThreshold <= 1440, "line-threshold",
                "must be between 0 and 1440, got " + lineThreshold);
        require(lineThreshold == DEFAULT_LINE_THRESHOLD || "toon".equals(surfaceTarget), "line-threshold",
                "places the lines of the toon target; set surface to toon, or leave it out");
        require(lambdaInk >= 0 && lambdaInk <= 100, "lambda-ink", "must be between 0 and 100, got " + lambdaInk);
        require(lambdaInk == 0 || "toon".equals(surfaceTarget), "lambda-ink",
                "weighs the lines of the toon target; set surface to toon, or leave it out");
        require(Strategies.isKnown(mode), "mode", "must be one of " + Strategies.names() + ", got '" + mode + "'");
        require(Architectures.isKnown(architecture), "arch", "must be one of " + Architectures.names() + ", got '" + architecture + "'");
        require(size >= 16 && size <= 1024 && size % 4 == 0, "size", "must be a multiple of 4 between 16 and 1024, got " + size);
        require(batch >= 1 && batch <= 64, "batch", "must be between 1 and 64, got " + batch);
        require(steps >= 1, "steps", "must be at least 1, got " + steps);
        require(initSteps >= 0 && initSteps <= steps, "init-steps", "must be between 0 and the steps, got " + initSteps);
        require(ganLoss != null, "gan-loss", "is missing");
        require(labelSmoothing > 0.5 && labelSmoothing <= 1, "label-smoothing", "must be in (0.5, 1], got " + labelSmoothing);
        require(discriminatorSteps >= 1 && discriminatorSteps <= 10, "d-steps", "must be between 1 and 10, got " + discriminatorSteps);
        require(learningRate > 0 && learningRate < 1, "lr", "must be in (0, 1), got " + learningRate);
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "beta", "Adam betas must be in [0, 1)");
        require(schedule != null, "lr-schedule", "is missing");
        require(lambdaAdversarial >= 0 && lambdaContent >= 0 && lambdaSurface >= 0 && lambdaTotalVariation >= 0
                && lambdaCycle >= 0 && lambdaIdentity >= 0, "lambda", "loss weights must not be negative");
        require(perceptual == null || !perceptual.isBlank(), "perceptual", "needs the path of a TorchScript file");
        require(perceptual == null || CartoonGanStrategy.NAME.equals(mode), "perceptual",
                "applies to the cartoongan mode's content loss only; " + mode + " mode has none");
        require(contentScale >= 1 && contentScale <= 16 && size % contentScale == 0, "content-scale",
                "must divide the crop size, between 1 and 16, got " + contentScale);
        require(poolSize >= 0 && poolSize <= 1000, "pool-size", "must be between 0 and 1000, got " + poolSize);
        require(sampleEvery >= 1 && checkpointEvery >= 1, "sample-every", "sample and checkpoint intervals must be at least 1");
        require(sampleCount >= 1 && sampleCount <= 16, "sample-count", "must be between 1 and 16, got " + sampleCount);
        require(keepCheckpoints >= 1, "keep-checkpoints", "must be at least 1");
        require(device != null, "device", "is missing");
        require(startFrom == null || !startFrom.isBlank(), "start-from", "needs a style file (.toon) or a run folder");
        // Every hyperparameter, defaults included, so that config.json rebuilds this generator even after a later
        // version adds layers (see Architectures.asWritten).
        generator = java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(Architectures.spec(architecture, generator).hyperparameters()));
        new DiscriminatorSpec(discriminatorWidth, discriminatorLayers, spectralNorm, discriminatorScales);
    }

    /** Defaults for a mode, tuned for a short CPU run of {@code lite} at 128 px. */
    public static TrainingOptions defaults(String mode) {
        return new TrainingOptions(mode, "lite", Map.of(), 128, 4, 2000, 100, GanLoss.LSGAN, 1.0,
                32, 3, true, 1, 1, 2e-4, 0.5, 0.999, LearningRateSchedule.LINEAR,
                1.0, 10.0, 4, null, 2.0, "bilateral", 0.0, DEFAULT_LINE_THRESHOLD, 1.0, true, 10.0, 0.5, 50, 100, 6, 200, 5, 42L, "auto", null);
    }

    public GeneratorSpec generatorSpec() {
        return Architectures.spec(architecture, generator);
    }

    public DiscriminatorSpec discriminatorSpec() {
        return new DiscriminatorSpec(discriminatorWidth, discriminatorLayers, spectralNorm, discriminatorScales);
    }

    private static void require(boolean condition, String option, String problem) {
        if (!condition) {
            throw new TrainingOptionException(option, problem);
        }
    }
}
