package dev.toonsmith.engine.batch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a batch does when an output file exists from before the batch. */
public enum ExistingOutput {
    /** Leaves the file and the input alone: the default, so that re-running a batch finishes what is missing. */
    SKIP,
    /** Writes beside it with {@code -2}, {@code -3}... added to the name: nothing is ever overwritten. */
    RENAME,
    /** Replaces it (atomically; never a source image). */
    OVERWRITE;

    /** The name used by the command line and in settings files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws BatchOptionException naming {@code on-exists} for an unknown value */
    public static ExistingOutput parse(String value) {
        for (ExistingOutput policy : values()) {
            if (policy.id().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return policy;
            }
        }
        throw new BatchOptionException("on-exists", "cannot be '" + value + "'; use one of "
                + Arrays.stream(values()).map(ExistingOutput::id).collect(Collectors.joining(", ")) + ".");
    }
}
