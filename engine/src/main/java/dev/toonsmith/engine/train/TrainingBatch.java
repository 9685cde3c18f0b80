package dev.toonsmith.engine.train;

import ai.djl.ndarray.NDArray;

/**
 * One step's input, as NCHW RGB tensors in [-1, 1] in the step's memory scope.
 *
 * @param photos a batch of photo crops
 * @param cartoons a batch of cartoon crops
 * @param smoothedCartoons the cartoons with their outlines smoothed away, or null when not used
 * @param flattenedPhotos edge-preserving flattened copies of the photos, or null when not used
 */
record TrainingBatch(NDArray photos, NDArray cartoons, NDArray smoothedCartoons, NDArray flattenedPhotos) {}
