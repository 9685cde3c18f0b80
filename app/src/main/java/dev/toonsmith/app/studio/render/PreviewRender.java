package dev.toonsmith.app.studio.render;

/**
 * A preview ready to show, and what it cost.
 *
 * @param stage the generator output it was made from: {@link RenderStage#DRAFT} (scaled up from a smaller
 *     pass) or {@link RenderStage#PREVIEW}; always the best that was kept when it was rendered
 * @param ranGenerator whether the generator had to run (nothing was kept for the photo and style), or only
 *     post-processing did
 * @param generatorMillis time in the generator, 0 when it did not run
 * @param postMillis time blending and post-processing
 */
public record PreviewRender(Raster raster, RenderStage stage, boolean ranGenerator, long generatorMillis,
        long postMillis) {}
