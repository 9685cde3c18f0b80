package dev.toonsmith.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.model.Tensors;
import dev.toonsmith.engine.train.data.FloatBatch;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unpaired photo-to-cartoon training after CartoonGAN (Chen et al., 2018), without a bundled VGG:
 * an initialization phase trains the generator on content alone; then a PatchGAN discriminator learns to
 * tell cartoons from generated images and from cartoons whose outlines were smoothed away, while the
 * generator learns to fool it, keeps the photo's content (at low frequency, or in the features of the
 * user's own extractor), follows an edge-preserving flattened copy of the photo, and avoids high-frequency
 * artefacts (total variation).
 */
final class CartoonGanStrategy extends GanStrategy {

    static final String NAME = "cartoongan";

    private final Block generator;
    private final Block discriminator;
    private final Adam generatorOptimizer;
    private final Adam discriminatorOptimizer;
    /** The user's feature extractor, or null for the pooled-L1 content loss. */
    private final FeatureExtractor featureExtractor;
    /** The initialization phase's content loss: plain reconstruction, or the perceptual loss. */
    private final ContentLoss initialContent;
    private final ContentLoss content;

    /**
     * The cartoons with their outlines smoothed away (extra fakes for the discriminator), or null when
     * {@code edgeSmoothedNegatives} is off.
     */
    private NDArray smoothedCartoons;
    /** The filtered photos {@code lambdaSurface} pulls towards, or null when it is 0. */
    private NDArray surfaceTarget;
    /** How much each pixel of {@link #surfaceTarget} counts (N x 1 x H x W), or null for evenly. */
    private NDArray surfaceWeights;

    /**
     * @throws FeatureExtractorException if the options name a feature extractor that cannot be loaded
     */
    CartoonGanStrategy(TrainingOptions options, NDManager manager) throws FeatureExtractorException {
        super(options, manager);
        // Loaded first, onto the training device: it lives in the strategy's memory and closes with it, but is
        // neither a network of the checkpoint nor held by an optimizer.
        featureExtractor = options.perceptual() == null ? null : FeatureExtractor.load(Path.of(options.perceptual()), manager);
        initialContent = featureExtractor == null ? ContentLoss.pooledL1(1) : ContentLoss.perceptual(featureExtractor);
        content = featureExtractor == null ? ContentLoss.pooledL1(options.contentScale()) : initialContent;
        GeneratorSpec spec = options.generatorSpec();
        Shape input = new Shape(1, 3, options.size(), options.size());
        generator = spec.newGenerator();
        generator.initialize(manager, DataType.FLOAT32, input);
        spec.prepareForTraining(generator);
        discriminator = options.discriminatorSpec().newDiscriminator();
        discriminator.initialize(manager, DataType.FLOAT32, input);
        generatorOptimizer = new Adam(Map.of("G", generator), manager, options.beta1(), options.beta2(), 1e-8);
        discriminatorOptimizer = new Adam(Map.of("D", discriminator), manager, options.beta1(), options.beta2(), 1e-8);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void prepare(FloatBatch photoBatch, FloatBatch cartoonBatch, NDManager scope) {
        smoothedCartoons = null;
        surfaceTarget = null;
        surfaceWeights = null;
        Device device = scope.getDevice();
        if (options.edgeSmoothedNegatives()) {
            smoothedCartoons = TrainingRun.tensor(CartoonFilters.smoothEdges(cartoonBatch), scope, device);
        }
        if (options.lambdaSurface() > 0 && options.lambdaInk() > 0) {
            CartoonFilters.ToonBatch toon = CartoonFilters.toonWithInk(photoBatch, options.lineThreshold());
            surfaceTarget = TrainingRun.tensor(toon.pictures(), scope, device);
            CartoonFilters.InkMaps ink = toon.ink();
            try (NDArray share = scope.create(ink.data(), new Shape(ink.batch(), 1, ink.height(), ink.width()))
                    .toDevice(device, false)) {
                // 1 + lambda x ink: a line pixel counts (1 + lambda) times a flat one.
                surfaceWeights = Tensors.times(share, options.lambdaInk()).add(1f);
            }
        } else if (options.lambdaSurface() > 0) {
            FloatBatch target = switch (options.surfaceTarget()) {
                case "cartoon" -> CartoonFilters.cartoon(photoBatch);
                case "toon" -> CartoonFilters.toon(photoBatch, options.lineThreshold());
                default -> CartoonFilters.flatten(photoBatch);
            };
            surfaceTarget = TrainingRun.tensor(target, scope, device);
        }
    }


    @Override
    public void optimizeParameters(StepContext context) {
        losses.clear();
        if (context.step() < options.initSteps()) {
            initializationStep(context);
            return;
        }
        for (int i = 0; i < options.discriminatorSteps(); i++) {
            discriminatorStep(context);
        }
        generatorStep(context);
    }

    /** Reconstruction only: the generator learns to reproduce the photo before it meets the discriminator. */
    private void initializationStep(StepContext context) {
        generatorOptimizer.zeroGradients();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = forward(generator, photos, true).singletonOrThrow();
            NDArray content = context.filter("G_content", initialContent.between(out, photos));
            losses.put("G_content", Losses.finite("G_content", context.step(), content));
            collector.backward(content);
        }
        generatorOptimizer.step(context.learningRate());
    }

    private void discriminatorStep(StepContext context) {
        NDArray fake = forward(generator, photos, false).singletonOrThrow();
        discriminatorOptimizer.zeroGradients();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList realLogits = forward(discriminator, cartoons, true);
            NDList fakeLogits = forward(discriminator, fake, true);
            NDArray real = options.ganLoss().real(realLogits, (float) options.labelSmoothing());
            NDArray fakeLoss = options.ganLoss().fake(fakeLogits);
            NDArray total = real.add(fakeLoss);
            if (smoothedCartoons != null) {
                NDArray edge = options.ganLoss().fake(forward(discriminator, smoothedCartoons, true));
                losses.put("D_edge", edge.getFloat() * 1.0);
                total = total.add(edge);
            }
            total = context.filter("D_total", total);
            losses.put("D_real", real.getFloat() * 1.0);
            losses.put("D_fake", fakeLoss.getFloat() * 1.0);
            losses.put("D_total", Losses.finite("D_total", context.step(), total));
            realScore = options.ganLoss().score(realLogits);
            fakeScore = options.ganLoss().score(fakeLogits);
            collector.backward(total);
        } catch (NonFiniteLossException e) {
            discriminatorOptimizer.zeroGradients();
            throw e;
        }
        discriminatorOptimizer.step(context.learningRate());
    }

    /** The generator's update alone (package-private so tests can check that the discriminator stands still). */
    void generatorStep(StepContext context) {
        // The discriminator only judges here: no gradients for it, so its parameters cannot move.
        Tensors.setTrainable(discriminator, false);
        generatorOptimizer.zeroGradients();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = forward(generator, photos, true).singletonOrThrow();
            // Judging only (training=false): spectral norm's power iteration advances in the discriminator's own step.
            NDArray adversarial = options.ganLoss().generator(forward(discriminator, out, false));
            NDArray contentLoss = content.between(out, photos);
            NDArray total = Tensors.times(adversarial, options.lambdaAdversarial())
                    .add(Tensors.times(contentLoss, options.lambdaContent()));
            losses.put("G_adv", adversarial.getFloat() * 1.0);
            losses.put("G_content", contentLoss.getFloat() * 1.0);
            if (surfaceTarget != null && options.lambdaSurface() > 0) {
                NDArray surface = surfaceWeights == null ? Losses.l1(out, surfaceTarget)
                        : Losses.weightedL1(out, surfaceTarget, surfaceWeights);
                losses.put("G_surface", surface.getFloat() * 1.0);
                total = total.add(Tensors.times(surface, options.lambdaSurface()));
            }
            if (options.lambdaTotalVariation() > 0) {
                NDArray tv = Losses.totalVariation(out);
                losses.put("G_tv", tv.getFloat() * 1.0);
                total = total.add(Tensors.times(tv, options.lambdaTotalVariation()));
            }
            total = context.filter("G_total", total);
            losses.put("G_total", Losses.finite("G_total", context.step(), total));
            collector.backward(total);
        } catch (NonFiniteLossException e) {
            generatorOptimizer.zeroGradients();
            throw e;
        } finally {
            Tensors.setTrainable(discriminator, true);
        }
        generatorOptimizer.step(context.learningRate());
    }





    @Override
    public Block generator() {
        return generator;
    }

    /** The user's feature extractor, or null when the content loss is pooled L1 (for tests). */
    FeatureExtractor featureExtractor() {
        return featureExtractor;
    }


    @Override
    protected Adam generatorOptimizer() {
        return generatorOptimizer;
    }

    @Override
    protected Adam discriminatorOptimizer() {
        return discriminatorOptimizer;
    }

    @Override
    public Map<String, Block> networks() {
        Map<String, Block> map = new LinkedHashMap<>();
        map.put("generator", generator);
        map.put("discriminator", discriminator);
        return map;
    }


}
