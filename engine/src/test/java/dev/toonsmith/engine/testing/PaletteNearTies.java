package dev.toonsmith.engine.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.model.LiteSpec;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleBundle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Where a palette style's drawing of a photo is a near-tie: the pixels whose two nearest palette colours are almost
 * equally near, so that the last float bits of the convolutions before the palette decide which one paints them.
 *
 * <p>Why tests need it: libtorch and ONNX Runtime pick their kernels by the CPU they run on (AVX-512, AVX2 or neither)
 * and sum in different orders, so two correct engines, or a tile and the whole picture, can paint such a pixel with
 * different palette colours: a difference of up to a couple of hundred levels in a pixel that is right both ways. A
 * comparison must allow exactly those pixels, and the palette's votes around them, and nothing else.
 *
 * <p>It runs the style's network without its palette (the same weights; the palette is the last layer) over the
 * whole picture, padded as {@link dev.toonsmith.engine.infer.Stylizer} pads it, and measures each pixel's two nearest
 * palette colours as the palette does, in float and unclamped: before the palette the drawing overshoots [-1, 1]
 * (the default style's reaches -8), so a drawing read back as a picture would hide near-ties.
 */
public final class PaletteNearTies implements AutoCloseable {

    /**
     * How nearly equal the two nearest colours' distances must be, in the drawing's [-1, 1] units (a fortieth of an
     * 8-bit level): twenty times what libtorch and ONNX Runtime differ by before the palette (measured on the default
     * style at 320 px: at most 8e-6, both within 1e-5 of float64), so that another CPU's kernels stay inside it, and
     * small enough that about 0.2 % of pixels are near-ties.
     */
    public static final double MARGIN = 2e-4;

    private final NDManager manager;
    private final Block unpainted;
    private final LiteSpec spec;
    private final float[] table;
    private final int reach;

    private PaletteNearTies(NDManager manager, Block unpainted, LiteSpec spec, float[] table) {
        this.manager = manager;
        this.unpainted = unpainted;
        this.spec = spec;
        this.table = table;
        this.reach = LiteSpec.paletteVoteRounds() * (LiteSpec.paletteVoteRow().length / 2);
    }

    /** The near-ties of a {@code lite} style with a palette, such as the bundled default. */
    public static PaletteNearTies of(StyleBundle style) {
        if (!(style.spec() instanceof LiteSpec painted) || painted.palette() == 0) {
            throw new IllegalArgumentException(style.manifest().name() + " has no palette: " + style.spec());
        }
        LiteSpec spec = new LiteSpec(painted.width(), painted.residualBlocks(), painted.residual(), painted.detail(),
                painted.refine(), painted.ink(), painted.flatten(), 0);
        TorchRuntime.engine();
        NDManager manager = NDManager.newBaseManager();
        try {
            Map<String, NDArray> arrays = new HashMap<>();
            float[] table = null;
            for (NDArray array : NDList.decode(manager, style.weightsBytes())) {
                if (array.getName().endsWith("colours")) {
                    table = array.toFloatArray();
                }
                arrays.put(array.getName(), array);
            }
            if (table == null) {
                throw new IllegalStateException("no palette among " + arrays.keySet());
            }
            Block generator = spec.newGenerator();
            // The palette was added as the last layer, so every other parameter keeps its name without it.
            for (Pair<String, Parameter> p : generator.getParameters()) {
                NDArray array = arrays.get(p.getKey());
                if (array == null) {
                    throw new IllegalStateException("no weights for " + p.getKey() + " in " + arrays.keySet());
                }
                p.getValue().setArray(array);
            }
            generator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            return new PaletteNearTies(manager, generator, spec, table);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    /** How far, in pixels, the palette's votes carry a near-tie's colour to its neighbours. */
    public int reach() {
        return reach;
    }

    /**
     * The near-ties of the style's drawing of {@code photo} at the photo's own size (a picture at or below the style's
     * working edge, drawn whole): a {@code CV_8UC1} mask, 255 where the drawing's two nearest palette colours are
     * within {@link #MARGIN} of each other. The caller releases it.
     */
    public Mat mask(Image photo) {
        TorchRuntime.inferenceMode();
        Mat colour = photo.mat();
        if (colour.channels() != 3) {
            throw new IllegalArgumentException("a BGR photo is needed, got " + colour);
        }
        int w = colour.cols();
        int h = colour.rows();
        int multiple = spec.sizeMultiple();
        int paddedW = Math.max(spec.minimumSide(), (w + multiple - 1) / multiple * multiple);
        int paddedH = Math.max(spec.minimumSide(), (h + multiple - 1) / multiple * multiple);
        Mat padded = new Mat();
        Core.copyMakeBorder(colour, padded, 0, paddedH - h, 0, paddedW - w, Core.BORDER_REFLECT_101);
        Mat scaled = new Mat();
        padded.convertTo(scaled, CvType.CV_32FC3, 2.0 / photo.maxValue(), -1.0);
        padded.release();
        List<Mat> planes = new ArrayList<>(3);
        Core.split(scaled, planes);
        scaled.release();
        int plane = paddedW * paddedH;
        float[] input = new float[3 * plane];
        float[] row = new float[plane];
        for (int c = 0; c < 3; c++) {
            planes.get(2 - c).get(0, 0, row);
            System.arraycopy(row, 0, input, c * plane, plane);
        }
        planes.forEach(Mat::release);
        float[] drawing;
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(input, new Shape(1, 3, paddedH, paddedW));
            drawing = unpainted.forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow()
                    .toFloatArray();
        }
        float[] cropped = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(drawing, c * plane + y * paddedW, cropped, (c * h + y) * w, w);
            }
        }
        return mask(cropped, w, h, table, MARGIN);
    }

    /**
     * The near-tie mask of a drawing ({@code (3, h, w)} RGB planes in [-1, 1], unclamped) for a palette
     * ({@code (colours, 3)} RGB): a {@code CV_8UC1} mask, 255 where the nearest and the second-nearest colour's
     * distances differ by at most {@code margin}.
     */
    public static Mat mask(float[] drawing, int w, int h, float[] table, double margin) {
        int plane = w * h;
        byte[] near = new byte[plane];
        int colours = table.length / 3;
        for (int p = 0; p < plane; p++) {
            double r = drawing[p];
            double g = drawing[plane + p];
            double b = drawing[2 * plane + p];
            double first = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            for (int c = 0; c < colours; c++) {
                double dr = r - table[3 * c];
                double dg = g - table[3 * c + 1];
                double db = b - table[3 * c + 2];
                double distance = Math.sqrt(dr * dr + dg * dg + db * db);
                if (distance < first) {
                    second = first;
                    first = distance;
                } else if (distance < second) {
                    second = distance;
                }
            }
            near[p] = second - first <= margin ? (byte) 255 : 0;
        }
        Mat mask = new Mat(h, w, CvType.CV_8UC1);
        mask.put(0, 0, near);
        return mask;
    }

    @Override
    public void close() {
        manager.close();
    }
}
