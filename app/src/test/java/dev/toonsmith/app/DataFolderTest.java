package dev.toonsmith.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder is checked as the app starts, and a user is told what to do when it cannot be written. */
class DataFolderTest {

    @TempDir
    Path work;

    @Test
    void aWritableFolderIsCreatedAndUsed() {
        Path root = work.resolve("new/toonsmith");
        assertTrue(DataFolder.problem(root).isEmpty());
        assertTrue(Files.isDirectory(root));
    }

    @Test
    void aFolderThatCannotBeMadeIsNamedWithWhatToDo() throws Exception {
        // Under a regular file, as a mistyped TOONSMITH_HOME can be: nobody can create it, root included.
        Path file = Files.writeString(work.resolve("not-a-folder"), "x");
        Optional<String> problem = DataFolder.problem(file.resolve("toonsmith"));
        assertTrue(problem.isPresent());
        String message = problem.get();
        assertTrue(message.contains(file.resolve("toonsmith").toString()), message);
        assertTrue(message.contains("TOONSMITH_HOME"), message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    @Test
    void picturesAndStylesOpenTheStudioAndCommandsDoNot() throws Exception {
        Path style = Files.createFile(work.resolve("Ink wash.toon"));
        Path photo = Files.createFile(work.resolve("holiday.JPG"));
        assertTrue(Main.opensFiles(new String[] {style.toString(), photo.toString()}));
        assertFalse(Main.opensFiles(new String[] {"stylize", photo.toString()}));
        assertFalse(Main.opensFiles(new String[] {work.resolve("missing.toon").toString()}));
        assertFalse(Main.opensFiles(new String[] {Files.createFile(work.resolve("notes.txt")).toString()}));
        assertFalse(Main.opensFiles(new String[0]));
    }
}
