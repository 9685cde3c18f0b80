package dev.toonsmith.engine.imported;

import dev.toonsmith.engine.infer.Stylizer;
import dev.toonsmith.engine.model.ImportedSpec;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link Stylizer} for any style: our own architectures through {@link Stylizer#load}, a style carrying an
 * imported model through {@link ImportedGenerator}. Everything that opens a style for drawing (the render
 * pipeline, the studio) comes here, so an imported style works wherever ours do.
 */
public final class Stylizers {

    private Stylizers() {}

    /**
     * @throws UncheckedIOException when an imported style's model cannot be loaded (the message names the style)
     */
    public static Stylizer load(StyleBundle style, DevicePreference preference) {
        if (!(style.spec() instanceof ImportedSpec imported)) {
            return Stylizer.load(style, preference);
        }
        ModelConvention convention = new ModelConvention(ModelConvention.Range.parse(imported.inputRange()),
                ModelConvention.Channels.parse(imported.channels()), ModelConvention.Layout.parse(imported.layout()),
                imported.multiple());
        Path model = null;
        try {
            // The engines load models from files; the style holds the bytes.
            model = Files.createTempFile("toonsmith-model-", imported.format().equals("onnx") ? ".onnx" : ".pt");
            Files.write(model, style.weightsBytes());
            ImportedGenerator generator = ImportedGenerator.load(model, convention);
            return Stylizer.of(generator, style.manifest().workingEdge(), style.manifest().name());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("Cannot open the style '" + style.manifest().name() + "': "
                    + e.getMessage(), e));
        } finally {
            if (model != null) {
                try {
                    Files.deleteIfExists(model);
                } catch (IOException ignored) {
                    // A temporary file; the system's cleanup takes it.
                }
            }
        }
    }
}
