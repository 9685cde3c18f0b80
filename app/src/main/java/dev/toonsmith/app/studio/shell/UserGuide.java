package dev.toonsmith.app.studio.shell;

import dev.toonsmith.ui.UiResources.Texts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.HostServices;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Help ▸ User guide: the README, which is the guide, beside the installation (the app image carries it next to
 * {@code sample-images/}) or in the checkout {@code ./toonsmith} runs from. It opens in the desktop's browser or
 * file viewer; where none can be started, a dialog shows its path with a Copy button.
 */
public final class UserGuide {

    /** Opens a document in the desktop's browser or file viewer; false when none can be started. */
    @FunctionalInterface
    public interface Browser {

        boolean open(String uri);

        /** Nothing can be opened: every guide is shown as a path to copy. */
        Browser NONE = uri -> false;

        /**
         * JavaFX's host services, when the desktop has a program for them to start. They report nothing back, so on
         * Linux, where they run the first of a few known programs on the PATH, the same programs are looked for first.
         */
        static Browser of(HostServices host) {
            return uri -> {
                if (!canStartOne()) {
                    return false;
                }
                host.showDocument(uri);
                return true;
            };
        }

        private static boolean canStartOne() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.contains("win") || os.contains("mac")) {
                return true;
            }
            String path = System.getenv("PATH");
            if (path == null) {
                return false;
            }
            // The programs JavaFX tries on Linux, in its order.
            for (String program : List.of("xdg-open", "google-chrome", "firefox", "opera", "konqueror", "mozilla")) {
                for (String folder : path.split(File.pathSeparator)) {
                    if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The system property that names the guide's file, over the places it is looked for. */
    public static final String PROPERTY = "toonsmith.guide";

    private UserGuide() {}

    /**
     * The README: the file {@value #PROPERTY} names, the one beside the samples folder (the installation's or the
     * checkout's), or the working folder's.
     */
    public static Optional<Path> locate(Path samplesFolder) {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        if (samplesFolder != null && samplesFolder.toAbsolutePath().getParent() != null) {
            candidates.add(samplesFolder.toAbsolutePath().getParent().resolve("README.md"));
        }
        candidates.add(Path.of("README.md"));
        return candidates.stream().filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).findFirst();
    }

    /**
     * Opens the guide with {@code browser}; if it is not there or nothing can open it, shows where it is in a dialog
     * with a Copy button.
     *
     * @return the dialog shown, or empty when the browser took the guide
     */
    static Optional<Dialog<Void>> open(Path samplesFolder, Browser browser, Window owner, Texts texts,
            java.util.function.Consumer<String> opened) {
        Optional<Path> guide = locate(samplesFolder);
        if (guide.isPresent() && browser.open(guide.get().toUri().toString())) {
            opened.accept(guide.get().toString());
            return Optional.empty();
        }
        String where = guide.map(Path::toString).orElse("README.md");
        Dialog<Void> dialog = pathDialog(owner, texts,
                texts.get(guide.isPresent() ? "guide.noBrowser" : "guide.missing"), where);
        dialog.show();
        return Optional.of(dialog);
    }

    /** Gives a dialog the studio's stylesheets (layout and theme), so it looks like the window it belongs to. */
    static void styleLike(Dialog<?> dialog, Window owner) {
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.getDialogPane().getStyleClass().add("help-dialog");
    }

    private static Dialog<Void> pathDialog(Window owner, Texts texts, String message, String where) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        styleLike(dialog, owner);
        dialog.setTitle(texts.get("guide.title"));
        dialog.setHeaderText(texts.get("guide.header"));
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        TextField path = new TextField(where);
        path.setId("guide-path");
        path.setEditable(false);
        path.setPrefColumnCount(40);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button copy = new Button(texts.get("guide.copy"), new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("guide-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(where);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copy.setText(texts.get("guide.copied"));
        });
        HBox row = new HBox(8, path, copy);
        dialog.getDialogPane().setContent(new VBox(10, text, row));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        return dialog;
    }
}
