package dev.toonsmith.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/** The one line the command line and the studio show for a failure: file errors name the file and what is wrong. */
class ErrorsTest {

    @Test
    void fileErrorsNameTheFileAndWhatIsWrong() {
        assertEquals("/x/a.png: no such file", Errors.describe(new NoSuchFileException("/x/a.png")));
        assertEquals("/x/a.png: permission denied", Errors.describe(new AccessDeniedException("/x/a.png")));
        assertEquals("/x/out: already exists", Errors.describe(new FileAlreadyExistsException("/x/out")));
        assertEquals("/x/out: not a folder", Errors.describe(new NotDirectoryException("/x/out")));
        assertEquals("/x/out: Read-only file system",
                Errors.describe(new FileSystemException("/x/out", null, "Read-only file system")));
        assertEquals("/x/out: cannot be accessed", Errors.describe(new FileSystemException("/x/out")));
    }

    @Test
    void wrappersAreLookedThroughAndOtherFailuresSayTheirMessage() {
        assertEquals("/x/a.png: no such file",
                Errors.describe(new UncheckedIOException(new NoSuchFileException("/x/a.png"))));
        assertEquals("Cannot export the style 'X' to ONNX.",
                Errors.describe(new UnsupportedOperationException("Cannot export the style 'X' to ONNX.")));
        assertEquals("IllegalStateException", Errors.describe(new IllegalStateException()));
    }
}
