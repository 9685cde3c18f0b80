package dev.toonsmith.engine.options;

/**
 * An option whose value cannot be used, named as the command line and the studio name it ({@code max-edge},
 * {@code name-template}, {@code lambda-ink}), so that each front end can point at its own control for it: the
 * command line as {@code --max-edge ...}, a page at its field. Engine messages name options, never flags.
 */
public abstract class OptionException extends IllegalArgumentException {

    private final String option;
    private final String problem;

    /**
     * @param kind whose option it is, for the message without a front end ("training", "batch", "render")
     * @param option the option's name, e.g. {@code lambda-ink}
     * @param problem what is wrong and what to do, as a sentence that follows the option's name
     */
    protected OptionException(String kind, String option, String problem) {
        super(kind + " option '" + option + "' " + problem);
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
