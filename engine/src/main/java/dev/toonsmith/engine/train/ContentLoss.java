package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * How far the generator's output strays from the photo's content (cartoongan mode): L1 after average pooling
 * by default, or, when the user supplies a feature extractor, L1 between its feature maps (the perceptual
 * loss of CartoonGAN, with the user's own network in place of a bundled VGG).
 */
@FunctionalInterface
interface ContentLoss {

    /** The scalar loss between a batch of outputs and the photos they came from (both RGB in [-1, 1], NCHW). */
    NDArray between(NDArray output, NDArray photo);

    /** L1 after average pooling by {@code scale}: layout and colour, leaving texture and lines free. */
    static ContentLoss pooledL1(int scale) {
        return (output, photo) -> Losses.lowFrequencyL1(output, photo, scale);
    }

    /**
     * The mean absolute difference of each feature map the extractor returns, summed over the maps. The
     * photo's features only serve as the target: nothing flows back through them.
     */
    static ContentLoss perceptual(FeatureExtractor extractor) {
        return (output, photo) -> {
            NDList generated = extractor.features(output);
            NDList target = extractor.features(photo);
            NDArray total = null;
            for (int i = 0; i < generated.size(); i++) {
                NDArray term = Losses.l1(generated.get(i), target.get(i).stopGradient());
                total = total == null ? term : total.add(term);
            }
            return total;
        };
    }
}
