package dev.toonsmith.engine.infer;

/**
 * A style drew NaN or infinite values: its weights are broken (a diverged training run, a damaged file). Such a
 * drawing would be written as a white or black picture and look like success, so it is refused instead.
 */
public final class NonFiniteOutputException extends IllegalStateException {

    public NonFiniteOutputException(String styleName) {
        super("The style '" + styleName + "' drew NaN or infinite values, so its weights are broken. Choose another"
                + " style, or export this one again from an earlier checkpoint.");
    }
}
