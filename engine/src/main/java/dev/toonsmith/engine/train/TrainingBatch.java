package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;

/**
 * One step's input, as NCHW RGB tensors in [-1, 1] in the step's memory scope.
 *
 * @param photos a batch of photo crops
 * @param cartoons a batch of cartoon crops
 * @param smoothedCartoons the cartoons with their outlines smoothed away, or null when not used
 * @param flattenedPhotos edge-preserving flattened copies of the photos, or null when not used
 * @param surfaceWeights how much each pixel of {@code flattenedPhotos} counts (N x 1 x H x W), or null for evenly
 */
record TrainingBatch(NDArray photos, NDArray cartoons, NDArray smoothedCartoons, NDArray flattenedPhotos,
        NDArray surfaceWeights) {

    TrainingBatch(NDArray photos, NDArray cartoons, NDArray smoothedCartoons, NDArray flattenedPhotos) {
        this(photos, cartoons, smoothedCartoons, flattenedPhotos, null);
    }
}
