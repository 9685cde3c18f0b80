package dev.toonsmith.engine.train;

import java.util.Map;

/**
 * One step of a run as {@code metrics.jsonl} records it: what a loss chart plots.
 *
 * @param step the step this line follows (0-based)
 * @param epoch passes over the photos so far
 * @param learningRate the learning rate of that step
 * @param losses every loss term of the step by name ({@code D_total}, {@code G_total}, {@code G_adv}, ...), in the
 *     order the strategy reported them
 * @param realScore the discriminator's mean verdict on real cartoons, or null where it did not judge (the
 *     initialization phase)
 * @param fakeScore its mean verdict on generated pictures, or null
 * @param imagesPerSecond training throughput around that step
 */
public record MetricsPoint(long step, int epoch, double learningRate, Map<String, Double> losses, Double realScore,
        Double fakeScore, double imagesPerSecond) {

    public MetricsPoint {
        losses = Map.copyOf(losses);
    }
}
