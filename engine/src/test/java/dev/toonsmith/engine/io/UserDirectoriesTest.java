package dev.toonsmith.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirectoriesTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void toonsmithHomeOverridesEveryPlatform() {
        Map<String, String> env = Map.of("TOONSMITH_HOME", "/tmp/th", "APPDATA", "C:\\x", "XDG_DATA_HOME", "/xdg");
        for (String os : new String[] {"Linux", "Mac OS X", "Windows 11"}) {
            assertEquals(Path.of("/tmp/th"), UserDirectories.platformRoot(env, os, HOME), os);
        }
    }

    @Test
    void linuxFollowsXdg() {
        assertEquals(Path.of("/xdg/toonsmith"),
                UserDirectories.platformRoot(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", HOME));
        assertEquals(HOME.resolve(".local/share/toonsmith"), UserDirectories.platformRoot(Map.of(), "Linux", HOME));
        // A relative XDG_DATA_HOME is invalid by the specification and ignored.
        assertEquals(HOME.resolve(".local/share/toonsmith"),
                UserDirectories.platformRoot(Map.of("XDG_DATA_HOME", "relative"), "Linux", HOME));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(HOME.resolve("Library/Application Support/Toonsmith"),
                UserDirectories.platformRoot(Map.of(), "Mac OS X", HOME));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("/roaming").resolve("Toonsmith"),
                UserDirectories.platformRoot(Map.of("APPDATA", "/roaming"), "Windows 10", HOME));
        assertEquals(HOME.resolve("AppData").resolve("Roaming").resolve("Toonsmith"),
                UserDirectories.platformRoot(Map.of(), "Windows 10", HOME));
    }

    @Test
    void foldersHangOffTheRoot() {
        UserDirectories dirs = new UserDirectories(Path.of("/data/th/../toon"));
        assertEquals(Path.of("/data/toon"), dirs.root());
        assertEquals(Path.of("/data/toon/styles"), dirs.styles());
        assertEquals(Path.of("/data/toon/cache"), dirs.cache());
        assertEquals(Path.of("/data/toon/presets"), dirs.presets());
        assertEquals(Path.of("/data/toon/runs"), dirs.runs());
    }
}
