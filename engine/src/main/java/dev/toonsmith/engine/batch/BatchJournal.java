package dev.toonsmith.engine.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a batch has finished, one line per output as it is written, kept in a hidden file of the output
 * folder. Running the same batch again (same settings, same sources unchanged) skips those inputs, whatever
 * the policy for existing files: a killed or cancelled batch resumes where it stopped, and a finished one
 * re-runs in a moment. A torn last line (the process killed mid-append) is ignored.
 */
final class BatchJournal {

    static final String FILE_NAME = ".toonsmith-batch.jsonl";
    private static final Logger log = LoggerFactory.getLogger(BatchJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String fingerprint;
    private final Map<String, Path> done = new HashMap<>();

    private BatchJournal(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /** Reads the journal of {@code outputFolder}, keeping the entries made with {@code fingerprint}. */
    static BatchJournal open(Path outputFolder, String fingerprint) {
        BatchJournal journal = new BatchJournal(outputFolder.resolve(FILE_NAME), fingerprint);
        if (Files.isRegularFile(journal.file)) {
            try {
                List<String> lines = Files.readAllLines(journal.file, StandardCharsets.UTF_8);
                for (String line : lines) {
                    journal.readLine(line);
                }
            } catch (IOException e) {
                log.warn("Cannot read the batch journal {} ({}); every input is rendered again", journal.file,
                        e.getMessage());
            }
        }
        return journal;
    }

    private void readLine(String line) {
        if (line.isBlank()) {
            return;
        }
        try {
            JsonNode entry = JSON.readTree(line);
            if (fingerprint.equals(entry.path("settings").asText())) {
                done.put(key(entry.path("source").asText(), entry.path("size").asLong(),
                        entry.path("modified").asLong()), Path.of(entry.path("output").asText()));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Ignoring a torn line of the batch journal {}: {}", file, e.getMessage());
        }
    }

    /** The output an earlier run of these settings wrote for {@code source} unchanged since, if it still exists. */
    Optional<Path> finished(Path source) {
        try {
            Path output = done.get(key(source.toString(), Files.size(source),
                    Files.getLastModifiedTime(source).toMillis()));
            return output != null && Files.isRegularFile(output) ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Notes that {@code output} was written for {@code source}; called after the output is in place. */
    synchronized void record(Path source, Path output) throws IOException {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("source", source.toString());
        entry.put("size", Files.size(source));
        entry.put("modified", Files.getLastModifiedTime(source).toMillis());
        entry.put("settings", fingerprint);
        entry.put("output", output.toString());
        Files.writeString(file, JSON.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private static String key(String source, long size, long modified) {
        return source + "\u0000" + size + "\u0000" + modified;
    }
}
