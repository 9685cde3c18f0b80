package dev.toonsmith.engine.infer;

/**
 * Told after each tile of a stylize call. Called on the thread that called
 * {@link Stylizer#stylize(dev.toonsmith.engine.image.Image, StylizeOptions, TileProgress)}; keep it short.
 */
@FunctionalInterface
public interface TileProgress {

    /** Ignores progress. */
    TileProgress NONE = (done, total) -> { };

    /**
     * @param done tiles finished so far, from 1
     * @param total tiles of this image (1 when it is not tiled)
     */
    void tileDone(int done, int total);
}
