package dev.toonsmith.app.studio.shell;

import dev.toonsmith.app.studio.adjust.AdjustmentsViewModel;
import dev.toonsmith.app.studio.canvas.ViewportModel;
import dev.toonsmith.app.studio.settings.Theme;
import dev.toonsmith.app.studio.workspace.RecentPhotos;
import dev.toonsmith.app.studio.workspace.SampleViewModel;
import dev.toonsmith.app.studio.workspace.WorkspaceViewModel;
import dev.toonsmith.ui.UiResources.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The menu bar. Its accelerators are the studio's keyboard shortcuts: Help ▸ Keyboard shortcuts lists them from here
 * ({@link #shortcuts()}), and a test checks the README's table against them.
 */
public final class MainMenu extends MenuBar {

    /** What the menu does that is not a ViewModel command of its own. */
    public record Actions(Runnable open, Consumer<Path> openRecent, Runnable importStyle, Runnable export,
            Runnable savePreset, Runnable quit, Runnable shortcuts, Runnable userGuide, Runnable showLog,
            Runnable about) {}

    /** One keyboard shortcut: the menu it is in, what it does (the item's text) and its keys. */
    public record Shortcut(String menu, String action, KeyCombination keys) {

        /** The keys as this platform writes them, e.g. "Ctrl+O" (or "⌘O" on a Mac). */
        public String keysText() {
            // JavaFX writes this one key by its constant's name.
            return keys.getDisplayText().replace("BACK_SLASH", "\\");
        }
    }

    public MainMenu(Texts texts, WorkspaceViewModel workspace, RecentPhotos recent, ObjectProperty<Theme> theme,
            Actions actions) {
        setId("main-menu");
        setUseSystemMenuBar(true);
        AdjustmentsViewModel adjust = workspace.adjustments();
        ViewportModel viewport = workspace.viewport();
        var noPhoto = workspace.photoProperty().isNull();

        Menu samples = new Menu(texts.get("menu.file.samples"));
        for (SampleViewModel sample : workspace.samples().samples()) {
            samples.getItems().add(item(sample.name(), null, null, () -> workspace.open(sample.file())));
        }
        samples.setDisable(samples.getItems().isEmpty());
        Menu recentMenu = new Menu(texts.get("menu.file.recent"));
        recentMenu.setId("menu-recent");
        fillRecent(recentMenu, texts, recent, actions.openRecent());
        recent.photos().addListener((javafx.collections.ListChangeListener<Path>) c ->
                fillRecent(recentMenu, texts, recent, actions.openRecent()));
        // Whether a file is still there is asked when the menu opens, not once at start: drives come and go.
        recentMenu.setOnShowing(e -> fillRecent(recentMenu, texts, recent, actions.openRecent()));
        MenuItem export = item(texts.get("menu.file.export"), "Shortcut+E", Material2MZ.SAVE_ALT, actions.export());
        export.disableProperty().bind(noPhoto.or(workspace.export().runningProperty()));
        Menu file = new Menu(texts.get("menu.file"), null,
                item(texts.get("menu.file.open"), "Shortcut+O", Material2AL.FOLDER_OPEN, actions.open()),
                recentMenu,
                samples,
                item(texts.get("menu.file.importStyle"), "Shortcut+I", Material2AL.ADD, actions.importStyle()),
                new SeparatorMenuItem(),
                export,
                new SeparatorMenuItem(),
                item(texts.get("menu.file.quit"), "Shortcut+Q", null, actions.quit()));

        MenuItem undo = item(texts.get("menu.edit.undo"), "Shortcut+Z", Material2MZ.UNDO, adjust::undo);
        undo.disableProperty().bind(adjust.canUndoProperty().not());
        MenuItem redo = item(texts.get("menu.edit.redo"), "Shortcut+Shift+Z", Material2MZ.REDO, adjust::redo);
        redo.disableProperty().bind(adjust.canRedoProperty().not());
        Menu edit = new Menu(texts.get("menu.edit"), null, undo, redo, new SeparatorMenuItem(),
                item(texts.get("menu.edit.reset"), "Shortcut+R", Material2MZ.RESTORE, adjust::reset),
                item(texts.get("menu.edit.savePreset"), null, Material2MZ.SAVE, actions.savePreset()));

        CheckMenuItem split = new CheckMenuItem(texts.get("menu.view.split"));
        split.setAccelerator(KeyCombination.valueOf("Shortcut+BACK_SLASH"));
        split.selectedProperty().bindBidirectional(workspace.splitViewProperty());
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem(texts.get("menu.view.theme.light"));
        RadioMenuItem dark = new RadioMenuItem(texts.get("menu.view.theme.dark"));
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        (theme.get() == Theme.DARK ? dark : light).setSelected(true);
        themes.selectedToggleProperty().addListener((obs, was, now) -> theme.set(now == dark ? Theme.DARK : Theme.LIGHT));
        theme.addListener((obs, was, now) -> (now == Theme.DARK ? dark : light).setSelected(true));
        Menu view = new Menu(texts.get("menu.view"), null,
                item(texts.get("menu.view.fit"), "Shortcut+0", Material2AL.CROP_FREE, viewport::fit),
                item(texts.get("menu.view.actual"), "Shortcut+1", null, viewport::actualPixels),
                item(texts.get("menu.view.zoomIn"), "Shortcut+EQUALS", Material2MZ.ZOOM_IN, viewport::zoomIn),
                item(texts.get("menu.view.zoomOut"), "Shortcut+MINUS", Material2MZ.ZOOM_OUT, viewport::zoomOut),
                new SeparatorMenuItem(), split, new SeparatorMenuItem(),
                new Menu(texts.get("menu.view.theme"), null, light, dark));

        MenuItem shortcuts = item(texts.get("menu.help.shortcuts"), "Shortcut+SLASH", Material2AL.KEYBOARD,
                actions.shortcuts());
        shortcuts.setId("menu-shortcuts");
        MenuItem guide = item(texts.get("menu.help.guide"), "F1", Material2AL.HELP_OUTLINE, actions.userGuide());
        guide.setId("menu-guide");
        Menu help = new Menu(texts.get("menu.help"), null, shortcuts, guide, new SeparatorMenuItem(),
                item(texts.get("menu.help.log"), null, Material2AL.DESCRIPTION, actions.showLog()),
                item(texts.get("menu.help.about"), null, Material2AL.INFO, actions.about()));

        getMenus().addAll(file, edit, view, help);
    }

    /** Every accelerator the menus register, menu by menu in their order. */
    public List<Shortcut> shortcuts() {
        List<Shortcut> all = new ArrayList<>();
        for (Menu menu : getMenus()) {
            collect(menu, menu.getText(), all);
        }
        return all;
    }

    private static void collect(Menu menu, String top, List<Shortcut> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, top, into);
            } else if (item.getAccelerator() != null) {
                into.add(new Shortcut(top, item.getText(), item.getAccelerator()));
            }
        }
    }

    /** One item per recent photo, its folder in the tooltip; a photo no longer there is shown disabled. */
    private static void fillRecent(Menu menu, Texts texts, RecentPhotos recent, Consumer<Path> open) {
        List<MenuItem> items = new ArrayList<>();
        for (Path photo : recent.photos()) {
            MenuItem item = new MenuItem(photo.getFileName() + "  —  " + photo.getParent());
            item.setMnemonicParsing(false);
            item.setDisable(!Files.isRegularFile(photo));
            item.setOnAction(e -> open.accept(photo));
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem(texts.get("menu.file.recent.none"));
            none.setDisable(true);
            items.add(none);
        } else {
            items.add(new SeparatorMenuItem());
            items.add(item(texts.get("menu.file.recent.clear"), null, null, recent::clear));
        }
        menu.getItems().setAll(items);
    }

    private static MenuItem item(String text, String accelerator, org.kordamp.ikonli.Ikon icon, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.valueOf(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
