package dev.toonsmith.engine.batch;

/**
 * A batch option whose value cannot be used, named as {@code batch --help} and the Batch page name it
 * ({@code name-template}, {@code output}), so that each front end can point at its own control for it.
 */
public final class BatchOptionException extends IllegalArgumentException {

    private final String option;
    private final String problem;

    /**
     * @param option the option's name, e.g. {@code name-template}
     * @param problem what is wrong and what to do, as a sentence that follows the option's name
     */
    public BatchOptionException(String option, String problem) {
        super("batch option '" + option + "' " + problem);
        this.option = option;
        this.problem = problem;
    }

    public String option() {
        return option;
    }

    public String problem() {
        return problem;
    }
}
