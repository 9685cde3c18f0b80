package dev.toonsmith.app.studio.shell;

import dev.toonsmith.ui.UiResources.Texts;
import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Help ▸ Keyboard shortcuts: the accelerators the menus register, grouped by menu, so the list cannot drift from
 * what the keys do.
 */
final class ShortcutsDialog extends Dialog<Void> {

    ShortcutsDialog(Window owner, Texts texts, List<MainMenu.Shortcut> shortcuts) {
        initOwner(owner);
        initModality(Modality.NONE);
        UserGuide.styleLike(this, owner);
        setTitle(texts.get("shortcuts.title"));
        GridPane table = new GridPane();
        table.setId("shortcuts-table");
        table.getStyleClass().add("shortcuts-table");
        table.setHgap(36);
        table.setVgap(5);
        ColumnConstraints action = new ColumnConstraints();
        action.setMinWidth(200);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.RIGHT);
        table.getColumnConstraints().setAll(action, keys);
        int row = 0;
        String menu = null;
        for (MainMenu.Shortcut shortcut : shortcuts) {
            if (!shortcut.menu().equals(menu)) {
                menu = shortcut.menu();
                Label heading = new Label(menu);
                heading.getStyleClass().add("shortcuts-menu");
                if (row > 0) {
                    GridPane.setMargin(heading, new javafx.geometry.Insets(10, 0, 0, 0));
                }
                table.add(heading, 0, row++, 2, 1);
            }
            Label what = new Label(shortcut.action().replace("…", ""));
            what.setMnemonicParsing(false);
            Label key = new Label(shortcut.keysText());
            key.setMnemonicParsing(false);
            key.getStyleClass().add("shortcut-keys");
            table.addRow(row++, what, key);
        }
        getDialogPane().setContent(table);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }
}
