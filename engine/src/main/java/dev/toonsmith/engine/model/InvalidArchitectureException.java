package dev.toonsmith.engine.model;

/** An architecture name that is not registered, or hyperparameters it does not accept. */
public class InvalidArchitectureException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidArchitectureException(String message) {
        super(message);
    }
}
