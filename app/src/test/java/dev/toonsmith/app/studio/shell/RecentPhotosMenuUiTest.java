package dev.toonsmith.app.studio.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.settings.SettingsStore;
import dev.toonsmith.app.studio.settings.StudioSettings;
import dev.toonsmith.engine.io.UserDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File › Open recent: remembered photos open in the workspace; one that went missing is disabled or dropped. */
@ExtendWith(ApplicationExtension.class)
class RecentPhotosMenuUiTest {

    @TempDir
    Path work;

    private Studio studio;
    private Path kept;
    private Path goesMissing;
    private Path alreadyGone;

    @Start
    void start(Stage stage) throws Exception {
        Path home = work.resolve("home");
        kept = Files.copy(StudioFixtures.sample("cat.jpg"), work.resolve("kept.jpg"));
        goesMissing = Files.copy(StudioFixtures.sample("city.jpg"), work.resolve("goes-missing.jpg"));
        alreadyGone = work.resolve("already-gone.jpg");
        SettingsStore store = new SettingsStore(new UserDirectories(home));
        StudioSettings settings = store.load();
        settings.setLastStyle(StudioSettings.NO_STYLE);
        settings.setRecentFiles(List.of(goesMissing.toString(), alreadyGone.toString(), kept.toString()));
        store.save(settings);
        Studio.Config config = StudioFixtures.config(home, new ScriptedDialogs());
        studio = Studio.open(stage, config, new StudioOptions(null, null, null, null, 1200, 800, false, null, false));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(studio::close).get(60, TimeUnit.SECONDS);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private Menu recentMenu(FxRobot robot) {
        MenuBar bar = robot.lookup("#main-menu").queryAs(MenuBar.class);
        return (Menu) bar.getMenus().get(0).getItems().stream().filter(i -> "menu-recent".equals(i.getId()))
                .findFirst().orElseThrow();
    }

    @Test
    void recentPhotosOpenAndMissingOnesAreDisabledOrDropped(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> studio.workspace().readyProperty().get());
        Menu recent = recentMenu(robot);
        List<MenuItem> items = onFx(() -> List.copyOf(recent.getItems()));
        assertTrue(items.get(0).getText().startsWith("goes-missing.jpg"), items.get(0).getText());
        assertFalse(items.get(0).isDisable());
        assertTrue(items.get(1).getText().startsWith("already-gone.jpg"));
        assertTrue(items.get(1).isDisable(), "a photo no longer there is shown disabled");

        onFx(() -> {
            items.get(2).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> studio.workspace().photoProperty().get() != null
                && studio.workspace().photoProperty().get().file().equals(kept)));
        assertEquals(kept, onFx(() -> studio.recent().photos().get(0)), "the opened photo moves first");
        assertEquals(kept.toString(), onFx(() -> studio.settings().getRecentFiles().get(0)), "and is remembered");

        // The file goes away while the menu shows it.
        Files.delete(goesMissing);
        MenuItem stale = onFx(() -> recent.getItems().stream().filter(i -> i.getText().startsWith("goes-missing"))
                .findFirst().orElseThrow());
        onFx(() -> {
            stale.fire();
            return null;
        });
        assertFalse(onFx(() -> studio.recent().photos().contains(goesMissing)), "taken off the list");
        String said = onFx(() -> studio.workspace().notifications().messageProperty().get());
        assertTrue(said.startsWith(goesMissing + " is no longer there"), said);
        assertEquals(kept, onFx(() -> studio.workspace().photoProperty().get().file()), "the photo on show stays");
    }
}
