package dev.toonsmith.engine.imported;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.toonsmith.engine.runtime.TorchRuntime;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs an imported model once on a small test picture before anything is saved: a model that gives the wrong
 * number of channels, the wrong rank, NaN, or values outside the chosen range is refused with one sentence.
 */
public final class ModelCheck {

    /** Outputs may overshoot the range a little (tanh never does; a clamp-free ReLU head might). */
    static final double RANGE_SLACK = 0.05;
    private static final int EDGE = 64;

    private ModelCheck() {}

    /** @throws ModelImportException naming the file and what is wrong */
    public static void check(Path file, ImportedGenerator generator) throws ModelImportException {
        TorchRuntime.inferenceMode();
        int side = roundUp(EDGE, generator.traits().sizeMultiple());
        try (NDManager scope = generator.newScope()) {
            // A smooth gradient: any generator can draw it, and every channel varies.
            float[] data = new float[3 * side * side];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        data[(c * side + y) * side + x] = (float) ((c == 0 ? x : c == 1 ? y : x + y) / (double) side - 1);
                    }
                }
            }
            NDArray out;
            try {
                out = generator.draw(scope.create(data, new Shape(1, 3, side, side)), scope, null);
            } catch (ImportedGenerator.ModelOutputException e) {
                throw new ModelImportException(file, e.getMessage().replaceFirst("^The model \\S+ ", "").replaceFirst("\\.$", ""), e);
            } catch (RuntimeException e) {
                throw new ModelImportException(file, "fails on a " + side + "x" + side + " test picture (" + e.getMessage()
                        + "); check the layout and the size multiple", e);
            }
            float[] values = out.toFloatArray();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw new ModelImportException(file, "draws NaN or infinite values on a test picture, so its"
                            + " weights are broken");
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            // Outputs are in our [-1, 1] now; a model whose own range is 0..255 (say) lands far outside.
            if (min < -1 - RANGE_SLACK || max > 1 + RANGE_SLACK) {
                ModelConvention.Range range = generator.convention().range();
                throw new ModelImportException(file, String.format(Locale.ROOT, "draws values from %.2f to %.2f"
                        + " where the range %s allows %s; choose the input range the model was trained with",
                        toModelRange(min, range), toModelRange(max, range), range.id(),
                        range == ModelConvention.Range.MINUS_ONE_TO_ONE ? "-1 to 1" : "0 to 1"));
            }
        }
    }

    private static double toModelRange(double v, ModelConvention.Range range) {
        return range == ModelConvention.Range.ZERO_TO_ONE ? (v + 1) / 2 : v;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
