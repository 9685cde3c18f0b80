package dev.toonsmith.app;

import dev.toonsmith.engine.image.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The installation's sample photos ({@code sample-images/}), shown by the studio and measured by {@code bench --look}. */
public final class SampleImages {

    /** The system property the launcher sets to the installation's {@code sample-images/}. */
    public static final String PROPERTY = "toonsmith.samples";

    private SampleImages() {}

    /** The folder the launcher passes; otherwise the working folder's {@code sample-images/}; null when there is none. */
    public static Path folder() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        Path local = Path.of("sample-images");
        return Files.isDirectory(local) ? local : null;
    }

    /** The pictures directly in {@code folder} (by their extension), sorted by name. */
    public static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> OutputFormat.forPath(f).isPresent()).sorted().toList();
        }
    }
}
