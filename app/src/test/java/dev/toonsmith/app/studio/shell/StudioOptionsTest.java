package dev.toonsmith.app.studio.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A desktop opens double-clicked styles and pictures with the studio by passing them as plain arguments. */
class StudioOptionsTest {

    @Test
    void plainArgumentsAreFilesToTakeInAndOptionsStillParse() {
        StudioOptions options = StudioOptions.parse(List.of("--theme", "dark", "/home/ann/Ink wash.toon", "cat.jpg"));
        assertEquals("dark", options.theme());
        assertEquals(List.of(Path.of("/home/ann/Ink wash.toon"), Path.of("cat.jpg")), options.files());
        assertTrue(StudioOptions.none().files().isEmpty());
    }

    @Test
    void anUnknownOptionIsStillRefusedWithTheList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudioOptions.parse(List.of("--colour", "red")));
        assertTrue(e.getMessage().contains("unknown option --colour") && e.getMessage().contains("files to open"),
                e.getMessage());
    }
}
