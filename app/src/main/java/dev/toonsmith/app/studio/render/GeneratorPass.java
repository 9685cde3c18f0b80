package dev.toonsmith.app.studio.render;

/**
 * What {@link Renderer#generate} left behind: the best generator output now kept for a photo and style, and
 * what it cost.
 *
 * @param stage {@link RenderStage#DRAFT} or {@link RenderStage#PREVIEW}
 * @param ranGenerator false when output at least that good was already kept, so nothing ran
 * @param generatorMillis time in the generator, 0 when it did not run
 */
public record GeneratorPass(RenderStage stage, boolean ranGenerator, long generatorMillis) {}
