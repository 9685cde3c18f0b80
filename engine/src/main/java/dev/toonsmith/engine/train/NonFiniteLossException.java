package dev.toonsmith.engine.train;

/** A loss came out NaN or infinite; the update it would have made was skipped. */
final class NonFiniteLossException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String loss;

    NonFiniteLossException(String loss, long step, double value) {
        super("loss '" + loss + "' was " + value + " at step " + step);
        this.loss = loss;
    }

    String loss() {
        return loss;
    }
}
