package dev.toonsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.io.UserDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-style} and {@code export-style} into the styles folder refuse a name an installed style already has,
 * naming that style and {@code --name}, before any work; elsewhere the file is not installed and not checked.
 */
class StyleNameClashTest {

    private static final Path MODELS = Path.of("..", "engine", "src", "test", "resources", "models");

    @TempDir
    Path work;

    private Path styles;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty(UserDirectories.HOME_PROPERTY, work.resolve("home").toString());
        styles = Files.createDirectories(work.resolve("home").resolve("styles"));
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(UserDirectories.HOME_PROPERTY);
    }

    private static String firstLine(CliRun run) {
        return run.err().lines().findFirst().orElse("");
    }

    @Test
    void importStyleIntoTheStylesFolderRefusesTheBundledDefaultsName() throws Exception {
        CliRun clash = CliRun.of("import-style", MODELS.resolve("cyclegan-resnet.onnx").toString(), "-o",
                styles.resolve("mine.toon").toString(), "--name", " toonsmith default", "--license", "MIT");
        assertEquals(2, clash.exitCode(), clash.out());
        assertEquals("toonsmith import-style: There is already a style called 'Toonsmith Default' (id default,"
                + " bundled with Toonsmith);"
                + " give this one another --name, e.g. --name \"toonsmith default (2)\".", firstLine(clash));
        assertFalse(Files.exists(styles.resolve("mine.toon")), "nothing written");

        // The proposed name is free; and a file outside the styles folder is not installed, so any name goes.
        CliRun renamed = CliRun.of("import-style", MODELS.resolve("cyclegan-resnet.onnx").toString(), "-o",
                styles.resolve("mine.toon").toString(), "--name", "toonsmith default (2)", "--license", "MIT");
        assertEquals(0, renamed.exitCode(), renamed.err());
        CliRun elsewhere = CliRun.of("import-style", MODELS.resolve("cyclegan-resnet.onnx").toString(), "-o",
                work.resolve("loose.toon").toString(), "--name", "Toonsmith Default", "--license", "MIT");
        assertEquals(0, elsewhere.exitCode(), elsewhere.err());
    }

    @Test
    void exportStyleIntoTheStylesFolderRefusesAnInstalledUserStylesName() throws Exception {
        CliRun first = CliRun.of("import-style", MODELS.resolve("cyclegan-resnet.onnx").toString(), "-o",
                styles.resolve("horses.toon").toString(), "--name", "Horses", "--license", "MIT");
        assertEquals(0, first.exitCode(), first.err());

        // Refused before the run is even read: this folder holds no run.
        CliRun clash = CliRun.of("export-style", work.toString(), "-o", styles.resolve("other.toon").toString(),
                "--name", "HORSES", "--license", "CC0-1.0");
        assertEquals(2, clash.exitCode(), clash.out());
        String line = firstLine(clash);
        assertTrue(line.startsWith("toonsmith export-style: There is already a style called 'Horses' (id horses, in ")
                && line.endsWith("give this one another --name, e.g. --name \"HORSES (2)\"."), line);
        assertTrue(line.contains(styles.resolve("horses.toon").toString()), "names the file: " + line);
    }
}
