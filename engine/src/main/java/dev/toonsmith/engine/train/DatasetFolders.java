package dev.toonsmith.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The data folders a run was started with, saved beside its config so that resuming and exporting need only
 * the run folder.
 */
public record DatasetFolders(Path photos, Path cartoons) {

    private static final String FILE = "datasets.json";

    void write(RunFolder run) throws IOException {
        Files.createDirectories(run.root());
        dev.toonsmith.engine.io.AtomicFiles.write(run.root().resolve(FILE), RunFolder.JSON.writeValueAsBytes(
                new DatasetFolders(photos.toAbsolutePath().normalize(), cartoons.toAbsolutePath().normalize())));
    }

    /** The folders saved in {@code run}, if any. */
    public static Optional<DatasetFolders> read(RunFolder run) throws IOException {
        Path file = run.root().resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(RunFolder.JSON.readValue(file.toFile(), DatasetFolders.class));
    }
}
