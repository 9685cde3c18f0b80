package dev.toonsmith.app.studio.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.toonsmith.engine.io.AtomicFiles;
import dev.toonsmith.engine.io.UserDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code studio-settings.json} in the user data folder. A missing or broken file gives
 * the defaults (a broken one is logged, and kept aside as {@code .broken} so the user can look at it):
 * settings are a convenience, never a reason for the studio not to start.
 */
public final class SettingsStore {

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);

    public static final String FILE_NAME = "studio-settings.json";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(UserDirectories directories) {
        this.file = Objects.requireNonNull(directories, "directories").root().resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public StudioSettings load() {
        try {
            return json.readValue(Files.readAllBytes(file), StudioSettings.class);
        } catch (NoSuchFileException e) {
            return new StudioSettings();
        } catch (IOException e) {
            log.warn("Settings file {} could not be read ({}); starting with the defaults.", file, e.getMessage());
            try {
                Files.move(file, file.resolveSibling(FILE_NAME + ".broken"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                log.debug("Could not set the broken settings file aside", moveFailed);
            }
            return new StudioSettings();
        }
    }

    /** Writes the settings atomically; a failure is logged, not thrown, as losing a window size is harmless. */
    public void save(StudioSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, json.writeValueAsBytes(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings cannot be written as JSON", e);
        } catch (IOException e) {
            log.warn("Could not save the studio settings to {}: {}", file, e.getMessage());
        }
    }
}
