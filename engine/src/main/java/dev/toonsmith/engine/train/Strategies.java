package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;

/** The training strategies by the name a run's options use. */
final class Strategies {

    private static final List<String> NAMES = List.of(CartoonGanStrategy.NAME, CycleGanStrategy.NAME);

    private Strategies() {}

    static List<String> names() {
        return NAMES;
    }

    static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /**
     * A new strategy with freshly initialized networks in {@code manager}.
     *
     * @param random the strategy's own random choices (CycleGAN's pool), part of the run's resumable state
     * @throws FeatureExtractorException if the options name a feature extractor that cannot be loaded
     */
    static TrainingStrategy create(TrainingOptions options, NDManager manager, Random random) throws FeatureExtractorException {
        return switch (options.mode()) {
            case CartoonGanStrategy.NAME -> new CartoonGanStrategy(options, manager);
            case CycleGanStrategy.NAME -> new CycleGanStrategy(options, manager, random);
            default -> throw new IllegalArgumentException("unknown training mode '" + options.mode() + "'");
        };
    }
}
