package dev.toonsmith.engine.batch;

import dev.toonsmith.engine.options.OptionException;

/** A batch option whose value cannot be used, named as {@code batch --help} and the Batch page name it. */
public final class BatchOptionException extends OptionException {

    /**
     * @param option the option's name, e.g. {@code name-template}
     * @param problem what is wrong and what to do, as a sentence that follows the option's name
     */
    public BatchOptionException(String option, String problem) {
        super("batch", option, problem);
    }
}
