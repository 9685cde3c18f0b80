package dev.toonsmith.engine.infer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.toonsmith.engine.image.GuidedUpsampling;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageOps;
import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.model.GeneratorSpec;
import dev.toonsmith.engine.model.NormStatistics;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.runtime.TorchRuntime;
import dev.toonsmith.engine.style.StyleBundle;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns photos into stylized images with one generator.
 *
 * <p>The output always has the input's exact size (or, in preview mode, the scaled-down size), bit depth and
 * alpha: the image is padded by reflection to what the architecture accepts and cropped back, never
 * stretched, and alpha is carried through untouched. Images too large for the memory budget are stylized in
 * overlapping tiles that replay instance-norm statistics recorded on the whole image, and are cross-faded,
 * so the result shows no seams. A stylizer loaded from a style with a working edge draws photos larger than that
 * edge at the edge's size and brings the result back with {@link GuidedUpsampling}, so that outlines and flat
 * areas keep the size the style was trained to draw them at.
 *
 * <p>Thread-safe: any number of threads may stylize at once; each call works in its own native memory
 * scope, released before it returns, and {@link #close()} waits for calls in flight. Cancel a call by interrupting its thread: it stops at the next tile
 * boundary with a {@link CancellationException}.
 */
public final class Stylizer implements AutoCloseable {

    private final Generator generator;
    private final long memoryBudget;
    private final int workingEdge;
    /** The style's name for messages, or null for a generator being trained (whose NaNs training handles). */
    private final String styleName;
    // Stylize calls share the read side; close() takes the write side, so it waits for calls in flight
    // instead of freeing the weights under them.
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private Stylizer(Generator generator, long memoryBudget, int workingEdge, String styleName) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.workingEdge = workingEdge;
        this.styleName = styleName;
        this.memoryBudget = memoryBudget;
        OpenCv.load();
    }

    /**
     * A stylizer over a generator the caller keeps owning (for example one being trained): closing the
     * stylizer leaves the generator and its manager alone.
     */
    public static Stylizer over(GeneratorSpec spec, Block generator, NDManager manager) {
        return new Stylizer(new BlockGenerator(spec, generator, manager, false), TilePlan.DEFAULT_MEMORY_BUDGET, 0,
                null);
    }

    /** A stylizer that owns {@code manager} (and the generator's parameters in it) and closes it. */
    public static Stylizer owning(GeneratorSpec spec, Block generator, NDManager manager) {
        return owning(spec, generator, manager, 0);
    }

    /**
     * A stylizer that owns {@code manager} and runs the generator at most at {@code workingEdge} pixels
     * (0: at every photo's full resolution) unless the options say otherwise.
     */
    public static Stylizer owning(GeneratorSpec spec, Block generator, NDManager manager, int workingEdge) {
        if (workingEdge < 0) {
            throw new IllegalArgumentException("workingEdge must be 0 or positive, got " + workingEdge);
        }
        return new Stylizer(new BlockGenerator(spec, generator, manager, true), TilePlan.DEFAULT_MEMORY_BUDGET,
                workingEdge, null);
    }

    /**
     * Loads a style's generator onto the preferred device. The stylizer owns the loaded weights.
     *
     * @throws dev.toonsmith.engine.runtime.DeviceUnavailableException if a GPU is demanded but none is usable
     */
    public static Stylizer load(StyleBundle style, DevicePreference preference) {
        Device device = TorchRuntime.select(preference);
        NDManager weights = NDManager.newBaseManager(device);
        try {
            Block generator = style.newGenerator(weights, device);
            int edge = style.manifest().workingEdge();
            if (edge < 0) {
                throw new IllegalArgumentException("workingEdge must be 0 or positive, got " + edge);
            }
            return new Stylizer(new BlockGenerator(style.spec(), generator, weights, true),
                    TilePlan.DEFAULT_MEMORY_BUDGET, edge, style.manifest().name());
        } catch (RuntimeException | Error e) {
            weights.close();
            throw e;
        }
    }

    /** The architecture this stylizer runs. */
    public GeneratorTraits traits() {
        return generator.traits();
    }

    /**
     * A stylizer over any {@link Generator} (an imported model, say), which it owns and closes.
     *
     * @param workingEdge the longest edge it draws at by default, 0 for every photo's full resolution
     * @param styleName the style's name for messages
     */
    public static Stylizer of(Generator generator, int workingEdge, String styleName) {
        if (workingEdge < 0) {
            throw new IllegalArgumentException("workingEdge must be 0 or positive, got " + workingEdge);
        }
        return new Stylizer(generator, TilePlan.DEFAULT_MEMORY_BUDGET, workingEdge,
                Objects.requireNonNull(styleName, "styleName"));
    }

    /** The longest edge the generator runs at by default; 0 for every photo's full resolution. */
    public int workingEdge() {
        return workingEdge;
    }

    /** Where the generator runs. */
    public Device device() {
        return generator.device();
    }

    /** Stylizes {@code input}; the caller owns the returned image. */
    public Image stylize(Image input, StylizeOptions options) {
        return stylize(input, options, TileProgress.NONE);
    }

    /**
     * Stylizes {@code input}, reporting each finished tile to {@code progress} on this thread.
     *
     * @throws CancellationException if the calling thread is interrupted
     */
    public Image stylize(Image input, StylizeOptions options, TileProgress progress) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("this stylizer is closed");
            }
            return stylizeOpen(input, options, progress);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private Image stylizeOpen(Image input, StylizeOptions options, TileProgress progress) {
        TorchRuntime.inferenceMode();
        Image scaled = options.maxEdge() > 0 ? ImageOps.resizeToMaxEdge(input, options.maxEdge()) : null;
        Image source = scaled != null ? scaled : input;
        try {
            if (options.strength() == 0) {
                return source.copy();
            }
            if (!source.hasAlpha()) {
                return Image.wrap(stylizeColour(source.mat(), source.maxValue(), options, progress));
            }
            try (ImageOps.AlphaSplit split = ImageOps.splitAlpha(source);
                    Image colour = Image.wrap(
                            stylizeColour(split.colour().mat(), source.maxValue(), options, progress))) {
                return ImageOps.mergeAlpha(colour, split.alpha());
            }
        } finally {
            if (scaled != null) {
                scaled.close();
            }
        }
    }

    /**
     * What {@link #stylize} at full strength would return for {@code photo}, made from {@code drawing}, this
     * stylizer's output for the photo already scaled to its working edge (a preview, say): the drawing is only
     * brought back to the photo's size, so the generator does not run twice over the same pixels.
     *
     * @return empty when {@code photo} would not be drawn at a working edge (the style has none, or the photo is
     *     no larger), when {@code drawing} does not have the working size, or when the photo has transparency
     *     (its previews are scaled premultiplied, unlike the stylizer's own copy)
     */
    public Optional<Image> finishFromWorkingSize(Image photo, Image drawing) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(drawing, "drawing");
        int longEdge = Math.max(photo.width(), photo.height());
        if (workingEdge == 0 || longEdge <= workingEdge || photo.hasAlpha() || drawing.hasAlpha()
                || photo.mat().type() != drawing.mat().type()) {
            return Optional.empty();
        }
        Size working = workingSize(photo.mat(), workingEdge);
        if (drawing.width() != working.width || drawing.height() != working.height) {
            return Optional.empty();
        }
        return Optional.of(Image.wrap(GuidedUpsampling.upsample(drawing.mat(), photo.mat(), photo.maxValue())));
    }

    /** The size a picture larger than the working edge is drawn at. */
    private static Size workingSize(Mat colour, int edge) {
        double scale = (double) edge / Math.max(colour.cols(), colour.rows());
        return new Size(Math.max(1, Math.round(colour.cols() * scale)), Math.max(1, Math.round(colour.rows() * scale)));
    }

    /** The stylized, strength-blended version of a BGR matrix, at its size and depth. */
    private Mat stylizeColour(Mat colour, double maxValue, StylizeOptions options, TileProgress progress) {
        int edge = options.workingEdge() == StylizeOptions.STYLE_WORKING_EDGE ? workingEdge : options.workingEdge();
        Mat stylized = null;
        try {
            if (edge > 0 && Math.max(colour.cols(), colour.rows()) > edge) {
                // The generator draws outlines and flat areas at the scale it was trained at: on the photo's
                // full resolution they would be too small to see. Draw at the working size, take the edges
                // back from the photo.
                Mat small = new Mat();
                Mat styledSmall = null;
                try {
                    Imgproc.resize(colour, small, workingSize(colour, edge), 0, 0, Imgproc.INTER_AREA);
                    styledSmall = new Mat(small.rows(), small.cols(), small.type());
                    render(small, maxValue, styledSmall, options.tileSize(), progress);
                    checkCancelled();
                    stylized = GuidedUpsampling.upsample(styledSmall, colour, maxValue);
                } finally {
                    small.release();
                    if (styledSmall != null) {
                        styledSmall.release();
                    }
                }
            } else {
                stylized = new Mat(colour.rows(), colour.cols(), colour.type());
                render(colour, maxValue, stylized, options.tileSize(), progress);
            }
            if (options.strength() < 1) {
                Core.addWeighted(colour, 1 - options.strength(), stylized, options.strength(), 0, stylized);
            }
            return stylized;
        } catch (RuntimeException | Error e) {
            if (stylized != null) {
                stylized.release();
            }
            throw e;
        }
    }

    private void render(Mat colour, double maxValue, Mat out, int tileSize, TileProgress progress) {
        GeneratorTraits traits = generator.traits();
        TilePlan plan = TilePlan.of(colour.cols(), colour.rows(), traits, tileSize, memoryBudget);
        TileCanvas canvas = new TileCanvas(out);
        try (NDManager call = generator.newScope()) {
            NormStatistics params = null;
            if (!plan.isSingle() && traits.replaysNormStatistics()) {
                params = recordStatistics(colour, maxValue, call);
            }
            int total = plan.tiles().size();
            int done = 0;
            for (TilePlan.Tile tile : plan.tiles()) {
                checkCancelled();
                Mat region = colour.submat(tile.input().toRect());
                Mat result = run(region, maxValue, call, params);
                canvas.write(tile, result);
                result.release();
                region.release();
                progress.tileDone(++done, total);
            }
        }
    }

    /**
     * Runs the network once over the whole image, scaled down to the memory budget if needed, to record the
     * instance-norm statistics that every tile then replays.
     */
    private NormStatistics recordStatistics(Mat colour, double maxValue, NDManager call) {
        long pixels = (long) colour.cols() * colour.rows();
        long budgetPixels = Math.max(1, memoryBudget / generator.traits().bytesPerPixel());
        // A quarter of the pixels is plenty for per-channel means and variances, and saves most of a pass.
        long statisticsPixels = Math.min(budgetPixels, Math.max(TilePlan.MIN_STATISTICS_PIXELS, pixels / 4));
        Mat source = colour;
        if (pixels > statisticsPixels) {
            double scale = Math.sqrt((double) statisticsPixels / pixels);
            source = new Mat();
            Imgproc.resize(colour, source, new Size(Math.max(1, colour.cols() * scale), Math.max(1, colour.rows() * scale)),
                    0, 0, Imgproc.INTER_AREA);
        }
        NormStatistics statistics = new NormStatistics();
        run(source, maxValue, call, statistics).release();
        statistics.setMode(NormStatistics.Mode.REPLAY);
        if (source != colour) {
            source.release();
        }
        checkCancelled();
        return statistics;
    }

    /** The network's output for {@code region}, as a {@code CV_32FC3} BGR matrix of the region's size. */
    private Mat run(Mat region, double maxValue, NDManager call, NormStatistics statistics) {
        int w = region.cols();
        int h = region.rows();
        int paddedW = paddedSide(w);
        int paddedH = paddedSide(h);
        Mat padded = region;
        if (paddedW != w || paddedH != h) {
            padded = new Mat();
            // Right and bottom only, so that tiles keep their position on the strided layers' grid.
            Core.copyMakeBorder(region, padded, 0, paddedH - h, 0, paddedW - w, Core.BORDER_REFLECT_101);
        }
        try (NDManager scope = call.newSubManager()) {
            NDArray x = TensorCodec.toTensor(padded, maxValue, scope, scope.getDevice());
            NDArray y = generator.draw(x, scope, statistics);
            // Before the codec clamps to the pixel range, which would turn NaN into a plausible white.
            if (styleName != null && (y.isNaN().any().getBoolean() || y.isInfinite().any().getBoolean())) {
                throw new NonFiniteOutputException(styleName);
            }
            Mat full = TensorCodec.toMat(y, maxValue);
            if (full.cols() == w && full.rows() == h) {
                return full;
            }
            Mat cropped = full.submat(0, h, 0, w).clone();
            full.release();
            return cropped;
        } finally {
            if (padded != region) {
                padded.release();
            }
        }
    }

    private int paddedSide(int side) {
        GeneratorTraits traits = generator.traits();
        return TilePlan.roundUp(Math.max(side, traits.minimumSide()), traits.sizeMultiple());
    }

    private static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("stylizing was cancelled");
        }
    }

    /** Frees the generator if this stylizer owns it, after any calls in flight have returned. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                generator.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
