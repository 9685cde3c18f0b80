package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import dev.toonsmith.engine.model.Tensors;
import java.util.Locale;

/**
 * The adversarial objective: how the discriminator's patch logits become losses for it and for the
 * generator. Each loss is averaged over patches and over the discriminator's scales.
 */
public enum GanLoss {
    /** Least squares (Mao et al.): real towards 1, fake towards 0. Stable, the default. */
    LSGAN,
    /** Binary cross-entropy on logits, with optional one-sided label smoothing of the real target. */
    VANILLA,
    /** Hinge: the discriminator stops pushing once a patch is beyond the margin. Pairs well with spectral norm. */
    HINGE;

    public static GanLoss parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown GAN loss '" + text + "': use lsgan, vanilla or hinge", e);
        }
    }

    /**
     * The discriminator's loss on images that should be judged real.
     *
     * @param realTarget the real label for VANILLA (1, or 0.9 with label smoothing); ignored otherwise
     */
    NDArray real(NDList logits, float realTarget) {
        return average(logits, x -> switch (this) {
            case LSGAN -> x.sub(1).square().mean();
            case VANILLA -> Tensors.times(Activation.softPlus(x.neg()), realTarget)
                    .add(Tensors.times(Activation.softPlus(x), 1 - realTarget)).mean();
            case HINGE -> Activation.relu(x.neg().add(1)).mean();
        });
    }

    /** The discriminator's loss on images that should be judged fake. */
    NDArray fake(NDList logits) {
        return average(logits, x -> switch (this) {
            case LSGAN -> x.square().mean();
            case VANILLA -> Activation.softPlus(x).mean();
            case HINGE -> Activation.relu(x.add(1)).mean();
        });
    }

    /** The generator's loss: how far the discriminator is from judging its images real. */
    NDArray generator(NDList logits) {
        return average(logits, x -> switch (this) {
            case LSGAN -> x.sub(1).square().mean();
            case VANILLA -> Activation.softPlus(x.neg()).mean();
            case HINGE -> x.mean().neg();
        });
    }

    /**
     * The discriminator's mean verdict, for monitoring: a probability for VANILLA, the raw score otherwise
     * (about 1 for real and 0 for fake under LSGAN; positive for real under HINGE).
     */
    double score(NDList logits) {
        double sum = 0;
        for (NDArray x : logits) {
            try (NDArray s = this == VANILLA ? Activation.sigmoid(x).mean() : x.mean()) {
                sum += s.getFloat();
            }
        }
        return sum / logits.size();
    }

    private static NDArray average(NDList logits, java.util.function.Function<NDArray, NDArray> perScale) {
        NDArray total = null;
        for (NDArray x : logits) {
            NDArray term = perScale.apply(x);
            total = total == null ? term : total.add(term);
        }
        return logits.size() == 1 ? total : Tensors.dividedBy(total, logits.size());
    }
}
