package dev.toonsmith.engine.train;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;

/** Options changed by name, as a command line or a settings form gives them. */
public final class TrainingOptionsCodec {

    private TrainingOptionsCodec() {}

    /**
     * A copy of {@code options} with the named fields replaced. Names are the record's component names
     * ({@code steps}, {@code ganLoss}...); values are converted as JSON would be.
     *
     * @throws TrainingOptionException for a value the option does not accept
     * @throws IllegalArgumentException for an unknown name, or a value of the wrong type
     */
    public static TrainingOptions with(TrainingOptions options, Map<String, ?> changes) {
        Map<String, Object> fields = RunFolder.JSON.convertValue(options, new TypeReference<LinkedHashMap<String, Object>>() {});
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            if (!fields.containsKey(change.getKey())) {
                throw new IllegalArgumentException("unknown training option '" + change.getKey() + "'");
            }
            fields.put(change.getKey(), change.getValue());
        }
        try {
            return RunFolder.JSON.convertValue(fields, TrainingOptions.class);
        } catch (IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof TrainingOptionException option) {
                // The record's own check, which names the option: pass it on as it is.
                throw option;
            }
            throw new IllegalArgumentException(cause.getMessage(), e);
        }
    }
}
