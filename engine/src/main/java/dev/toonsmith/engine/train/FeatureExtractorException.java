package dev.toonsmith.engine.train;

import java.io.IOException;

/**
 * A file cannot serve as the perceptual loss's feature extractor: it is missing, not a TorchScript module, or
 * does not turn an image into floating-point feature maps.
 *
 * <p>The message is written for the person who chose the file: it names the file, says what is wrong and what
 * to do, on one line, so the command line and the UI can show it as is. The two parts are also kept apart, so
 * that a caller who knows better what to do (a resumed run, whose file was chosen long ago) can say so.
 */
public final class FeatureExtractorException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String problem;

    public FeatureExtractorException(String problem, String remedy) {
        this(problem, remedy, null);
    }

    public FeatureExtractorException(String problem, String remedy, Throwable cause) {
        super(problem + " " + remedy, cause);
        this.problem = problem;
    }

    /** What is wrong, naming the file, without what to do about it. */
    public String problem() {
        return problem;
    }
}
