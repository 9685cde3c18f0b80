package dev.toonsmith.engine.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The user's own files of one kind in one folder, as the style and preset libraries list them. */
public final class UserFiles {

    private UserFiles() {}

    /**
     * The visible regular files of {@code folder} whose names end in {@code extension}, sorted by path; empty when
     * the folder does not exist. Hidden files are writers' temporaries or system clutter and are skipped.
     *
     * @throws IOException when the folder exists but cannot be read
     */
    public static List<Path> list(Path folder, String extension) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + extension)) {
            for (Path file : stream) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".")) {
                    files.add(file);
                }
            }
        } catch (NoSuchFileException e) {
            return files;
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }
}
