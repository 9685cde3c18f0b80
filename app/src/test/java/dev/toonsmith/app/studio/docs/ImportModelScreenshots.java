package dev.toonsmith.app.studio.docs;

import dev.toonsmith.app.studio.ScriptedDialogs;
import dev.toonsmith.app.studio.dialogs.ImportModelDialog;
import dev.toonsmith.app.studio.gallery.ImportModelViewModel;
import dev.toonsmith.app.studio.shell.Studio;
import dev.toonsmith.app.studio.shell.StudioOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.ui.UiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Not a test: makes {@code import-model.png} in {@code docs/}, the "Import model" dialog filled in for a model, in a
 * real window over the Styles page (run it under Xvfb), and {@code import-model-card.png}, the Styles page once the
 * model is imported, with its card's badges.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -pl app -Dmdep.outputFile=target/test.classpath \
 *     -Dmdep.includeScope=test
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw \
 *     -cp "app/target/classes:app/target/test-classes:$(cat app/target/test.classpath)" \
 *     dev.toonsmith.app.studio.docs.ImportModelScreenshots HOME MODEL OUT_DIR [NAME]
 * </pre>
 *
 * The form fills itself from the model's metadata where it has Toonsmith's (an exported style); NAME replaces the
 * name, e.g. for the docs: {@code ./toonsmith export-onnx default -o default.onnx}, then MODEL {@code default.onnx}
 * and NAME "Default via ONNX".
 */
public final class ImportModelScreenshots {

    private ImportModelScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path model = Path.of(args[1]).toAbsolutePath();
        Path out = Path.of(args[2]);
        String name = args.length > 3 ? args[3] : null;
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Studio studio = DocShots.fx(() -> {
            Stage stage = new Stage();
            Studio.Config config = new Studio.Config(new UserDirectories(home), Path.of("sample-images"),
                    new ScriptedDialogs(), DevicePreference.CPU, home.resolve("logs/studio.log"), Platform::runLater);
            return Studio.open(stage, config, new StudioOptions(Path.of("sample-images", "cat.jpg"), null, null,
                    "light", 1300, 860, false, null, false));
        });
        DocShots.waitFor(() -> studio.workspace().readyProperty().get() && studio.gallery().loadedProperty().get(), 120);
        ImportModelViewModel form = DocShots.fx(() -> {
            studio.shell().select("styles");
            return studio.gallery().newModelImport(model);
        });
        DocShots.waitFor(() -> !form.readingMetadataProperty().get(), 60);
        ImportModelDialog dialog = DocShots.fx(() -> {
            if (name != null) {
                form.nameProperty().set(name);
            }
            ImportModelDialog d = new ImportModelDialog(form, UiResources.texts(Locale.ENGLISH),
                    studio.scene().getWindow());
            d.show();
            return d;
        });
        Thread.sleep(1500);
        DocShots.save(() -> dialog.getDialogPane().getScene(), out.resolve("import-model.png"));
        DocShots.fx(() -> {
            dialog.close();
            studio.gallery().importModel(form);
            return null;
        });
        String imported = DocShots.fx(() -> form.nameProperty().get());
        DocShots.waitFor(() -> imported.equals(studio.gallery().selected().name()), 120);
        Thread.sleep(2500);
        DocShots.save(studio::scene, out.resolve("import-model-card.png"));
        DocShots.fx(() -> {
            studio.close();
            Platform.exit();
            return null;
        });
        System.exit(0);
    }
}
