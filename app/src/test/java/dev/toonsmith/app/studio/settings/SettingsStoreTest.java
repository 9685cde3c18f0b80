package dev.toonsmith.app.studio.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.io.UserDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path home;

    @Test
    void settingsSurviveARestart() {
        SettingsStore store = new SettingsStore(new UserDirectories(home));
        StudioSettings s = store.load();
        s.setTheme("dark");
        s.setWindowWidth(1234);
        s.setLastFolder("/photos");
        s.setLastStyle("my-style");
        s.setLastAuthor("Ada");
        s.setLastLicence("CC-BY-4.0");
        store.save(s);

        StudioSettings again = new SettingsStore(new UserDirectories(home)).load();
        assertEquals(Theme.DARK, Theme.parse(again.getTheme()));
        assertEquals(1234, again.getWindowWidth());
        assertEquals("/photos", again.getLastFolder());
        assertEquals("my-style", again.getLastStyle());
        assertEquals("Ada", again.getLastAuthor(), "proposed for the next style exported or imported");
        assertEquals("CC-BY-4.0", again.getLastLicence());
    }

    @Test
    void aBrokenFileGivesTheDefaultsAndIsKeptAside() throws Exception {
        Files.writeString(home.resolve(SettingsStore.FILE_NAME), "{ not json");
        StudioSettings s = new SettingsStore(new UserDirectories(home)).load();
        assertEquals(StudioSettings.DEFAULT_WIDTH, s.getWindowWidth());
        assertTrue(Files.exists(home.resolve(SettingsStore.FILE_NAME + ".broken")));
    }

    @Test
    void unknownFieldsAndThemesAreIgnored() throws Exception {
        Files.writeString(home.resolve(SettingsStore.FILE_NAME), "{\"theme\":\"purple\",\"future\":1}");
        StudioSettings s = new SettingsStore(new UserDirectories(home)).load();
        assertEquals(Theme.LIGHT, Theme.parse(s.getTheme()));
    }

    @Test
    void maxPixelsRaisesTheLargestPictureTheStudioOpensAndAValueOutOfRangeKeepsTheDefault() throws Exception {
        SettingsStore store = new SettingsStore(new UserDirectories(home));
        assertEquals(dev.toonsmith.engine.image.ImageLimits.DEFAULT, store.load().imageLimits());

        Files.writeString(home.resolve(SettingsStore.FILE_NAME), "{\"maxPixels\":400000000}");
        assertEquals(400_000_000L, store.load().imageLimits().maxPixels());

        Files.writeString(home.resolve(SettingsStore.FILE_NAME), "{\"maxPixels\":-3}");
        assertEquals(dev.toonsmith.engine.image.ImageLimits.DEFAULT, store.load().imageLimits());
    }
}
