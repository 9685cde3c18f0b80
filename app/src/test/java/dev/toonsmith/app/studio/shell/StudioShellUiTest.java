package dev.toonsmith.app.studio.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.StudioWaits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studio as a new user first meets it: the first launch says what it is doing until the cartoon is there, the
 * toolbar's controls stay put, and the Help menu lists the shortcuts and opens the guide.
 */
@ExtendWith(ApplicationExtension.class)
class StudioShellUiTest {

    @TempDir
    Path work;

    private Studio studio;

    /** What the page showed in the frame the window first drew. */
    private record FirstFrame(boolean emptyStateShown, boolean openingShown, String openingText) {}

    private FirstFrame firstFrame;

    /** What the page waited for, each time that changed, with whether the photo was on screen by then. */
    private record Waiting(String text, boolean photoShown, boolean cartoonShown, boolean placeholderShown) {}

    private final List<Waiting> waited = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        // A fresh data folder with no settings: a first launch.
        Path home = work.resolve("home");
        StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
        studio = Studio.open(stage, StudioFixtures.config(home, new ScriptedDialogs()),
                new StudioOptions(null, null, null, null, 1400, 900, false, null, false));
        // Still in the call that opened the window: nothing has been drawn yet, so this is the first frame.
        Node empty = stage.getScene().lookup("#workspace-empty");
        Label opening = (Label) stage.getScene().lookup("#opening-state");
        firstFrame = new FirstFrame(visible(empty), visible(opening), opening.getText());
        var workspace = studio.workspace();
        workspace.waitingProperty().addListener((obs, was, now) -> waited.add(new Waiting(now,
                workspace.originalProperty().get() != null, workspace.resultProperty().get() != null,
                visible(stage.getScene().lookup("#after-placeholder")))));
    }

    private static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null;
    }

    @AfterEach
    void stop() throws Exception {
        settle();
        StudioWaits.close(studio);
    }

    private void settle() throws Exception {
        StudioWaits.waitFor(studio, "StudioShellUiTest", "the engine", 120, () -> studio.workspace().readyProperty().get());
        for (int quiet = 0; quiet < 2; ) {
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(studio.tasks().awaitIdle(Duration.ofSeconds(120)), "background work did not finish");
            WaitForAsyncUtils.waitForFxEvents();
            quiet = studio.tasks().busy() ? 0 : quiet + 1;
        }
    }

    @Test
    void theFirstLaunchSaysItOpensGraceHopperThenDrawsHerCartoonOverHerPhoto(FxRobot robot) throws Exception {
        assertFalse(firstFrame.emptyStateShown(), "not 'Open a photo to begin': a photo is on its way");
        assertTrue(firstFrame.openingShown());
        assertEquals("Opening Grace Hopper…", firstFrame.openingText());

        settle();

        assertNotNull(studio.workspace().resultProperty().get(), "her cartoon is shown");
        Waiting drawing = waited.stream().filter(w -> w.text().startsWith("Drawing the cartoon")).findFirst()
                .orElseThrow(() -> new AssertionError("never said it draws the cartoon: " + waited));
        assertEquals("Drawing the cartoon in Toonsmith Default…", drawing.text());
        assertTrue(drawing.photoShown(), "the photo shows while its cartoon is drawn");
        assertTrue(drawing.placeholderShown(), "the cartoon's pane shows the faded photo under the progress");
        assertFalse(drawing.cartoonShown());
        // Between the photo and the cartoon the page may wait for the engine, and then says so.
        waited.stream().filter(w -> w.photoShown() && !w.cartoonShown() && !w.text().isEmpty())
                .forEach(w -> assertTrue(Set.of("Starting the engine…", drawing.text()).contains(w.text()), w.text()));
        Waiting last = waited.get(waited.size() - 1);
        assertEquals("", last.text(), "nothing is waited for once the cartoon is there");
        assertFalse(visible(robot.lookup("#result-waiting").query()), "the progress is gone");
        assertFalse(visible(robot.lookup("#after-placeholder").query()));
    }

    /** Where the toolbar's zoom-out button and split toggle are on screen, and the render's text then. */
    private record ToolbarLayout(String renderText, double zoomOutX, double splitX) {}

    @Test
    void theToolbarsControlsStayPutWhateverTheRenderTextSays(FxRobot robot) throws Exception {
        settle();
        List<ToolbarLayout> seen = new CopyOnWriteArrayList<>();
        Label render = robot.lookup("#render-info").queryAs(Label.class);
        Node zoomOut = robot.lookup("#zoom-out").query();
        Node split = robot.lookup("#split-toggle").query();
        StudioWaits.onFx(() -> {
            render.textProperty().addListener((obs, was, now) -> {
                // Laid out at once, as the next frame would be, to see where the text puts the controls.
                studio.scene().getRoot().applyCss();
                studio.scene().getRoot().layout();
                seen.add(new ToolbarLayout(now, zoomOut.localToScene(0, 0).getX(), split.localToScene(0, 0).getX()));
            });
            return null;
        });

        robot.clickOn("#sample-cat");
        settle();
        robot.clickOn("#style-card-" + StudioFixtures.STYLE_ID);
        settle();
        robot.clickOn("#style-card-none");
        settle();

        Set<Integer> lengths = seen.stream().map(l -> l.renderText().length()).collect(Collectors.toSet());
        assertTrue(lengths.contains(0) && lengths.size() >= 2, "the render text changed length: " + seen);
        ToolbarLayout first = seen.get(0);
        for (ToolbarLayout layout : seen) {
            assertEquals(first.zoomOutX(), layout.zoomOutX(), 0.5, "zoom controls moved: " + seen);
            assertEquals(first.splitX(), layout.splitX(), 0.5, "split toggle moved: " + seen);
        }
    }

    @Test
    void keyboardShortcutsListsEveryAcceleratorTheMenusRegisterAndTheReadmeListsTheSame(FxRobot robot)
            throws Exception {
        List<MainMenu.Shortcut> registered = StudioWaits.onFx(() -> studio.menu().shortcuts());

        robot.push(KeyCode.CONTROL, KeyCode.SLASH);
        WaitForAsyncUtils.waitForFxEvents();

        GridPane table = robot.lookup("#shortcuts-table").queryAs(GridPane.class);
        List<String> shown = StudioWaits.onFx(() -> table.getChildren().stream().map(n -> ((Label) n).getText())
                .toList());
        for (MainMenu.Shortcut shortcut : registered) {
            assertTrue(shown.contains(shortcut.keysText()), shortcut + " is not listed: " + shown);
        }
        assertTrue(shown.containsAll(List.of("Ctrl+O", "Ctrl+E", "Ctrl+Z", "Ctrl+/", "F1")), shown.toString());
        assertTrue(shown.containsAll(List.of("File", "Edit", "View", "Help")), "grouped by menu: " + shown);
        closeWindowOf(table);

        Set<Set<String>> readme = readmeShortcuts();
        Set<Set<String>> keys = registered.stream().map(s -> keys(s.keysText())).collect(Collectors.toSet());
        assertEquals(keys, readme, "the README's shortcut table and the menus' accelerators differ");
    }

    /** The README's shortcut table ("| Ctrl+O / Ctrl+E | open / export |"), each shortcut as its set of keys. */
    private static Set<Set<String>> readmeShortcuts() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int header = lines.indexOf("| shortcut | |");
        assertTrue(header >= 0, "the README has its shortcut table");
        Set<Set<String>> all = new HashSet<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            for (String shortcut : line.split("\\|")[1].trim().split(" / ")) {
                all.add(keys(shortcut.replace("\\\\", "\\")));
            }
        }
        return all;
    }

    /** "Ctrl+Shift+Z" and "Shift+Ctrl+Z" alike: the keys pressed together. */
    private static Set<String> keys(String shortcut) {
        List<String> parts = new ArrayList<>(Arrays.asList(shortcut.split("\\+")));
        if (shortcut.endsWith("+")) {
            parts.add("+");
        }
        return Set.copyOf(parts);
    }

    @Test
    void userGuideOpensTheReadmeInTheBrowser(FxRobot robot) throws Exception {
        List<String> opened = new CopyOnWriteArrayList<>();
        StudioWaits.onFx(() -> {
            studio.setBrowser(uri -> opened.add(uri));
            return null;
        });

        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        Path readme = Path.of("..", "README.md").toAbsolutePath().normalize();
        assertEquals(List.of(readme.toUri().toString()), opened);
        assertTrue(studio.workspace().notifications().messageProperty().get().contains(readme.toString()));
        assertTrue(robot.lookup("#guide-path").tryQuery().isEmpty(), "no dialog when the browser took it");
    }

    @Test
    void withoutABrowserTheUserGuideShowsItsPathToCopy(FxRobot robot) throws Exception {
        // The studio's own default: nothing can be opened.
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        TextField path = robot.lookup("#guide-path").queryAs(TextField.class);
        Path readme = Path.of("..", "README.md").toAbsolutePath().normalize();
        assertEquals(readme.toString(), path.getText());
        robot.clickOn("#guide-copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(readme.toString(), StudioWaits.onFx(() -> Clipboard.getSystemClipboard().getString()));
        closeWindowOf(path);
    }

    private static void closeWindowOf(Node node) throws Exception {
        StudioWaits.onFx(() -> {
            node.getScene().getWindow().hide();
            return null;
        });
    }

    @Test
    void helpListsShortcutsGuideLogAndAbout() throws Exception {
        List<String> help = StudioWaits.onFx(() -> studio.menu().getMenus().get(3).getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).filter(t -> t != null).toList());
        assertEquals(List.of("Keyboard shortcuts", "User guide", "Where is the log file?", "About Toonsmith"), help);
    }
}
