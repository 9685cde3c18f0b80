package dev.toonsmith.engine.train;

/**
 * A training option whose value cannot be used, named as {@code train --help} and the Train page name it
 * ({@code line-threshold}, {@code steps}), so that each front end can point at its own control for it.
 */
public final class TrainingOptionException extends IllegalArgumentException {

    private final String option;
    private final String problem;

    /**
     * @param option the option's name, e.g. {@code lambda-ink}
     * @param problem what is wrong and what to do, as a sentence that follows the option's name
     */
    public TrainingOptionException(String option, String problem) {
        super("training option '" + option + "' " + problem);
        this.option = option;
        this.problem = problem;
    }

    /** The option's name, e.g. {@code lambda-ink}. */
    public String option() {
        return option;
    }

    /** What is wrong and what to do, without the option's name. */
    public String problem() {
        return problem;
    }
}
