package dev.toonsmith.engine.train;

import dev.toonsmith.engine.options.OptionException;

/** A training option whose value cannot be used, named as {@code train --help} and the Train page name it. */
public final class TrainingOptionException extends OptionException {

    /**
     * @param option the option's name, e.g. {@code lambda-ink}
     * @param problem what is wrong and what to do, as a sentence that follows the option's name
     */
    public TrainingOptionException(String option, String problem) {
        super("training", option, problem);
    }
}
