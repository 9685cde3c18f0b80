package dev.toonsmith.app.studio.docs;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.dialogs.StyleDetailsDialog;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.engine.imported.ModelConvention;
import dev.toonsmith.engine.imported.StyleImport;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.style.StyleLibrary;
import dev.toonsmith.engine.style.StyleManifest;
import dev.toonsmith.engine.style.StyleWriter;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;

/**
 * Not a test: makes {@code style-cards.png} (the Styles page) and {@code style-cards-gallery.png} (the Studio page's
 * narrow gallery) in {@code docs/}, with the cards a new user meets: the bundled default, a style with a long name, one
 * named like a run ("photos-2026-12-08"), an imported model of unknown licence, and a training checkpoint tried on.
 * Also writes, to check them (not for the docs), {@code style-cards-tooltip.png}, the preview marker's tooltip, and
 * {@code style-details.png} and {@code style-details-taken.png}, the checkpoint's "Export as style" dialog.
 * Run it from the repository root on a scratch HOME, headless on Monocle (no GTK 3 or display needed):
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -pl app -am -Dmdep.outputFile=target/test.classpath \
 *     -Dmdep.includeScope=test
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1600x1000-32 -Dprism.order=sw \
 *     -cp "app/target/classes:app/target/test-classes:$(cat app/target/test.classpath)" \
 *     dev.toonsmith.app.studio.docs.StyleCardsScreenshots HOME engine/src/test/resources/models/cyclegan-resnet.onnx OUT_DIR
 * </pre>
 */
public final class StyleCardsScreenshots {

    private StyleCardsScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path model = Path.of(args[1]).toAbsolutePath();
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        UserDirectories directories = new UserDirectories(home);
        StyleBundle preview = installStyles(directories, model);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Studio studio = DocShots.fx(() -> {
            Stage stage = new Stage();
            Studio.Config config = new Studio.Config(directories, Path.of("sample-images"), new ScriptedDialogs(),
                    DevicePreference.CPU, home.resolve("logs/studio.log"), Platform::runLater);
            return Studio.open(stage, config, new StudioOptions(Path.of("sample-images", "cat.jpg"), "default", null,
                    "light", 1400, 900, false, null, false));
        });
        DocShots.waitFor(() -> studio.workspace().readyProperty().get() && studio.gallery().loadedProperty().get(), 120);
        DocShots.fx(() -> {
            // As "Preview in Studio" on the Train page does; then back to the default, so the preview shows unselected.
            studio.gallery().showPreview(StyleEntry.preview(preview));
            studio.gallery().selectedProperty().set(studio.gallery().find("default").orElseThrow());
            return null;
        });
        // Every card's thumbnail is the photo in its style, rendered one card after another.
        DocShots.waitFor(() -> studio.gallery().cards().stream().filter(c -> !c.isNoStyle())
                .allMatch(c -> c.thumbnailProperty().get() != null), 180);
        DocShots.fx(() -> {
            studio.shell().select("styles");
            return null;
        });
        // The photo in every style, not the styles' own pictures that stand in until then.
        Thread.sleep(8000);
        DocShots.save(studio::scene, out.resolve("style-cards.png"));

        Tooltip tip = DocShots.fx(() -> {
            Label marker = (Label) studio.scene().lookup("#preview-badge-" + preview.manifest().id());
            Tooltip t = marker.getTooltip();
            javafx.geometry.Bounds b = marker.localToScreen(marker.getBoundsInLocal());
            t.show(marker, b.getMinX(), b.getMaxY() + 4);
            return t;
        });
        Thread.sleep(1000);
        DocShots.save(() -> tip.getScene(), out.resolve("style-cards-tooltip.png"));
        DocShots.fx(() -> {
            tip.hide();
            studio.shell().select("studio");
            return null;
        });
        Thread.sleep(1500);
        DocShots.save(() -> nodeScene(studio.scene().lookup(".style-gallery")), out.resolve("style-cards-gallery.png"));
        // The checkpoint's "Export as style" dialog, proposing the run's name, which an installed style has.
        StyleDetailsDialog details = DocShots.fx(() -> {
            StyleDetailsDialog d = new StyleDetailsDialog(studio.gallery().newStyleDetails("photos-2026-12-08"),
                    UiResources.texts(Locale.ENGLISH), studio.scene().getWindow());
            d.show();
            return d;
        });
        Thread.sleep(1000);
        DocShots.save(() -> details.getDialogPane().getScene(), out.resolve("style-details.png"));
        DocShots.fx(() -> {
            details.getDialogPane().lookup("#style-details-name").requestFocus();
            ((javafx.scene.control.TextField) details.getDialogPane().lookup("#style-details-name"))
                    .setText("Photos-2026-12-08");
            return null;
        });
        Thread.sleep(500);
        DocShots.save(() -> details.getDialogPane().getScene(), out.resolve("style-details-taken.png"));
        DocShots.fx(() -> {
            details.close();
            studio.close();
            Platform.exit();
            return null;
        });
        System.exit(0);
    }

    /** A scene of its own around a snapshot of {@code node}, so that {@link DocShots#save} can write it. */
    private static Scene nodeScene(Node node) {
        javafx.scene.image.WritableImage image = node.snapshot(null, null);
        return new Scene(new javafx.scene.layout.StackPane(new javafx.scene.image.ImageView(image)));
    }

    /** The styles of the pictures (the default's weights under other names), and the checkpoint to try on. */
    private static StyleBundle installStyles(UserDirectories directories, Path model) throws Exception {
        StyleBundle base = StyleLibrary.load(directories).open("default");
        Files.createDirectories(directories.styles());
        write(base, "watercolour-portraits", "Watercolour portraits for long winter evenings", "CC-BY-SA-4.0",
                StyleManifest.Training.UNKNOWN, directories.styles().resolve("watercolour-portraits.toon"));
        write(base, "photos-2026-12-08", "photos-2026-12-08", "All rights reserved",
                new StyleManifest.Training("", 2000, "cartoon", List.of()),
                directories.styles().resolve("photos-2026-12-08.toon"));
        StyleImport.importModel(model, ModelConvention.pytorchDefault(4),
                new StyleImport.Details(null, "CycleGAN horses", "", "unknown", "", 0),
                directories.styles().resolve("cyclegan-horses.toon"));
        Path previewFile = directories.cache().resolve("checkpoint-styles").resolve("preview.toon");
        Files.createDirectories(previewFile.getParent());
        return write(base, "preview-photos-2026-12-08-282", "photos-2026-12-08 · step\u00A0282",
                "not yet chosen", new StyleManifest.Training("", 282, "cartoon", List.of()), previewFile);
    }

    private static StyleBundle write(StyleBundle base, String id, String name, String licence,
            StyleManifest.Training training, Path file) throws Exception {
        StyleManifest manifest = StyleManifest.builder(id, name, base.spec()).author("docs").license(licence)
                .workingEdge(base.manifest().workingEdge()).training(training).build();
        return StyleWriter.write(StyleBundle.of(manifest, base.weightsBytes(), base.thumbnailPng()), file);
    }
}
