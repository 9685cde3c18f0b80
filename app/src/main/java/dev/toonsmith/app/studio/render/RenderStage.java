package dev.toonsmith.app.studio.render;

/**
 * The stages a style change goes through on its way to the after picture, in order: each one looks better
 * and costs more than the one before, and replaces it on screen.
 */
public enum RenderStage {

    /**
     * The generator ran at {@link Renderer#DRAFT_EDGE} px and its output was scaled up to the preview's size,
     * then blended and post-processed as the preview is: a first picture in a fraction of the preview's time.
     */
    DRAFT,

    /**
     * The generator ran at the preview's size ({@link Renderer#PREVIEW_EDGE} px on the long edge, or the
     * photo's own size when it is smaller), or no style is selected: post-processing alone needs no draft.
     */
    PREVIEW,

    /** The photo's full resolution, rendered in the background once the preview is shown. */
    FULL;

    /** Whether this stage is {@code other} or a later, better one. */
    public boolean atLeast(RenderStage other) {
        return compareTo(other) >= 0;
    }
}
