package dev.toonsmith.app.studio.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toonsmith.app.studio.settings.SettingsStore;
import dev.toonsmith.app.studio.settings.StudioSettings;
import dev.toonsmith.engine.io.UserDirectories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentPhotosTest {

    @TempDir
    Path home;

    @Test
    void theNewestComesFirstOnceAndTheEleventhFallsOff() {
        RecentPhotos recent = new RecentPhotos(List.of());
        IntStream.rangeClosed(1, 12).forEach(i -> recent.opened(home.resolve("p" + i + ".jpg")));
        recent.opened(home.resolve("p5.jpg"));
        List<String> names = recent.photos().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("p5.jpg", "p12.jpg", "p11.jpg", "p10.jpg", "p9.jpg", "p8.jpg", "p7.jpg", "p6.jpg",
                "p4.jpg", "p3.jpg"), names);
        recent.forget(home.resolve("p12.jpg"));
        assertEquals(9, recent.photos().size());
    }

    @Test
    void theListSurvivesARestartThroughTheSettings() {
        SettingsStore store = new SettingsStore(new UserDirectories(home));
        StudioSettings settings = store.load();
        RecentPhotos recent = new RecentPhotos(settings.getRecentFiles());
        recent.opened(home.resolve("a.jpg"));
        recent.opened(home.resolve("b.png"));
        settings.setRecentFiles(recent.toSettings());
        store.save(settings);

        List<String> saved = new ArrayList<>(new SettingsStore(new UserDirectories(home)).load().getRecentFiles());
        saved.add(saved.get(0));
        RecentPhotos again = new RecentPhotos(saved);
        assertEquals(List.of(home.resolve("b.png"), home.resolve("a.jpg")), again.photos(), "duplicates dropped");
    }
}
