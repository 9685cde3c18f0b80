package dev.toonsmith.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import dev.toonsmith.engine.model.DiscriminatorSpec;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.model.Tensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * CycleGAN (Zhu et al., 2017): two generators (photo to cartoon, cartoon to photo) and two discriminators,
 * tied by cycle consistency (a photo taken to a cartoon and back must come back, weight lambda) and identity
 * (a cartoon given to the photo-to-cartoon generator should stay itself, weight {@code lambdaIdentity} times
 * lambda), with a pool of past fakes for each discriminator.
 */
final class CycleGanStrategy extends GanStrategy {

    static final String NAME = "cyclegan";

    private final Block toCartoon;
    private final Block toPhoto;
    private final Block cartoonCritic;
    private final Block photoCritic;
    private final Adam generatorOptimizer;
    private final Adam discriminatorOptimizer;
    private final ImagePool fakeCartoons;
    private final ImagePool fakePhotos;

    CycleGanStrategy(TrainingOptions options, NDManager manager, Random random) {
        super(options, manager);
        GeneratorSpec spec = options.generatorSpec();
        DiscriminatorSpec critic = options.discriminatorSpec();
        Shape input = new Shape(1, 3, options.size(), options.size());
        toCartoon = initialized(spec.newGenerator(), input);
        spec.prepareForTraining(toCartoon);
        toPhoto = initialized(spec.newGenerator(), input);
        spec.prepareForTraining(toPhoto);
        cartoonCritic = initialized(critic.newDiscriminator(), input);
        photoCritic = initialized(critic.newDiscriminator(), input);
        Map<String, Block> generators = new LinkedHashMap<>();
        generators.put("G_photo_to_cartoon", toCartoon);
        generators.put("G_cartoon_to_photo", toPhoto);
        Map<String, Block> critics = new LinkedHashMap<>();
        critics.put("D_cartoon", cartoonCritic);
        critics.put("D_photo", photoCritic);
        generatorOptimizer = new Adam(generators, manager, options.beta1(), options.beta2(), 1e-8);
        discriminatorOptimizer = new Adam(critics, manager, options.beta1(), options.beta2(), 1e-8);
        fakeCartoons = new ImagePool(options.poolSize(), manager, random);
        fakePhotos = new ImagePool(options.poolSize(), manager, random);
    }

    private Block initialized(Block block, Shape input) {
        block.initialize(manager, DataType.FLOAT32, input);
        return block;
    }

    @Override
    public String name() {
        return NAME;
    }


    @Override
    public void optimizeParameters(StepContext context) {
        losses.clear();
        NDArray[] fakes = generatorStep(context);
        for (int i = 0; i < options.discriminatorSteps(); i++) {
            discriminatorStep(context, fakes[0], fakes[1]);
        }
    }

    /** Returns the detached fakes (cartoons from photos, photos from cartoons) for the discriminator step. */
    private NDArray[] generatorStep(StepContext context) {
        Tensors.setTrainable(cartoonCritic, false);
        Tensors.setTrainable(photoCritic, false);
        generatorOptimizer.zeroGradients();
        double lambda = options.lambdaCycle();
        NDArray[] detached;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray fakeCartoon = forward(toCartoon, photos).singletonOrThrow();
            NDArray fakePhoto = forward(toPhoto, cartoons).singletonOrThrow();
            // Judging only: spectral norm's power iteration advances in the discriminators' own step.
            NDArray adversarial = options.ganLoss().generator(judge(cartoonCritic, fakeCartoon))
                    .add(options.ganLoss().generator(judge(photoCritic, fakePhoto)));
            NDArray cycle = Losses.l1(forward(toPhoto, fakeCartoon).singletonOrThrow(), photos)
                    .add(Losses.l1(forward(toCartoon, fakePhoto).singletonOrThrow(), cartoons));
            NDArray total = Tensors.times(adversarial, options.lambdaAdversarial()).add(Tensors.times(cycle, lambda));
            losses.put("G_adv", adversarial.getFloat() * 1.0);
            losses.put("G_cycle", cycle.getFloat() * 1.0);
            if (options.lambdaIdentity() > 0) {
                NDArray identity = Losses.l1(forward(toCartoon, cartoons).singletonOrThrow(), cartoons)
                        .add(Losses.l1(forward(toPhoto, photos).singletonOrThrow(), photos));
                losses.put("G_identity", identity.getFloat() * 1.0);
                total = total.add(Tensors.times(identity, lambda * options.lambdaIdentity()));
            }
            total = context.filter("G_total", total);
            losses.put("G_total", Losses.finite("G_total", context.step(), total));
            collector.backward(total);
            detached = new NDArray[] {fakeCartoon.stopGradient(), fakePhoto.stopGradient()};
        } catch (NonFiniteLossException e) {
            generatorOptimizer.zeroGradients();
            throw e;
        } finally {
            Tensors.setTrainable(cartoonCritic, true);
            Tensors.setTrainable(photoCritic, true);
        }
        // Outside the collector: parameters are updated in place, which autograd must not record.
        generatorOptimizer.step(context.learningRate());
        return detached;
    }

    private void discriminatorStep(StepContext context, NDArray fakeCartoon, NDArray fakePhoto) {
        discriminatorOptimizer.zeroGradients();
        NDArray shownCartoons = fakeCartoons.query(fakeCartoon);
        NDArray shownPhotos = fakePhotos.query(fakePhoto);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList realCartoonLogits = forward(cartoonCritic, cartoons);
            NDList fakeCartoonLogits = forward(cartoonCritic, shownCartoons);
            float target = (float) options.labelSmoothing();
            NDArray cartoonLoss = Tensors.times(options.ganLoss().real(realCartoonLogits, target)
                    .add(options.ganLoss().fake(fakeCartoonLogits)), 0.5);
            NDArray photoLoss = Tensors.times(options.ganLoss().real(forward(photoCritic, photos), target)
                    .add(options.ganLoss().fake(forward(photoCritic, shownPhotos))), 0.5);
            NDArray total = context.filter("D_total", cartoonLoss.add(photoLoss));
            losses.put("D_cartoon", cartoonLoss.getFloat() * 1.0);
            losses.put("D_photo", photoLoss.getFloat() * 1.0);
            losses.put("D_total", Losses.finite("D_total", context.step(), total));
            realScore = options.ganLoss().score(realCartoonLogits);
            fakeScore = options.ganLoss().score(fakeCartoonLogits);
            collector.backward(total);
        } catch (NonFiniteLossException e) {
            discriminatorOptimizer.zeroGradients();
            throw e;
        }
        discriminatorOptimizer.step(context.learningRate());
    }

    private NDList judge(Block critic, NDArray input) {
        return forward(critic, input, false);
    }

    private NDList forward(Block block, NDArray input) {
        return forward(block, input, true);
    }




    @Override
    public Block generator() {
        return toCartoon;
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
        map.put("generator", toCartoon);
        map.put("generator_inverse", toPhoto);
        map.put("discriminator", cartoonCritic);
        map.put("discriminator_photo", photoCritic);
        return map;
    }


    @Override
    public NDList extraState() {
        NDList state = new NDList();
        for (NDArray a : fakeCartoons.contents()) {
            a.setName("pool_cartoon." + a.getName());
            state.add(a);
        }
        for (NDArray a : fakePhotos.contents()) {
            a.setName("pool_photo." + a.getName());
            state.add(a);
        }
        return state;
    }

    @Override
    public void restoreExtraState(NDList state) {
        List<NDArray> cartoons = new ArrayList<>();
        List<NDArray> photos = new ArrayList<>();
        state.stream().sorted(java.util.Comparator.comparing(NDArray::getName)).forEach(a -> {
            if (a.getName().startsWith("pool_cartoon.")) {
                cartoons.add(a);
            } else if (a.getName().startsWith("pool_photo.")) {
                photos.add(a);
            }
        });
        fakeCartoons.restore(cartoons);
        fakePhotos.restore(photos);
    }

}
