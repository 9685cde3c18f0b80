package dev.toonsmith.app.studio.render;

/**
 * A preview ready to show, and what it cost.
 *
 * @param ranGenerator whether the generator had to run (a new photo, style), or only post-processing did
 * @param generatorMillis time in the generator, 0 when it did not run
 * @param postMillis time blending and post-processing
 */
public record PreviewRender(Raster raster, boolean ranGenerator, long generatorMillis, long postMillis) {}
