package dev.toonsmith.engine.post;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.io.UserDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Measures {@link PostProcess} at the sizes of the performance budget (1024 px long edge, 3840x2160): a
 * measurement to run by hand, not a test, because timings on shared CI machines say little.
 *
 * <p>Run from the engine module after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.toonsmith.engine.post.PostProcessTiming [photo]}
 * where {@code cp.txt} comes from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}. Each case
 * is warmed up, then the fastest and the median of several runs are printed: on a machine shared with other
 * work the fastest run is the better estimate of what the code costs.
 */
public final class PostProcessTiming {

    private PostProcessTiming() {}

    public static void main(String[] args) throws Exception {
        OpenCv.load();
        Path photo = args.length > 0 ? Path.of(args[0])
                : Path.of("src/test/resources/photos/chelsea-300.png");
        Map<String, PostSettings> cases = new LinkedHashMap<>();
        cases.put("sliders: smooth 10, 8 colours, edges 0.8, saturation 1.2",
                PostSettings.builder().smooth(10).colors(8).edges(0.8).edgeWidth(2).saturation(1.2).build());
        Path home = Files.createTempDirectory("toonsmith-timing");
        for (Preset preset : new PresetLibrary(new UserDirectories(home)).builtIns()) {
            cases.put("preset " + preset.name(), preset.settings());
        }
        try (Image source = ImageReader.read(photo)) {
            for (Size size : List.of(new Size(1024, 768), new Size(1024, 1024), new Size(3840, 2160))) {
                Mat resized = new Mat();
                Imgproc.resize(source.mat(), resized, size, 0, 0, Imgproc.INTER_CUBIC);
                try (Image image = Image.wrap(resized)) {
                    boolean large = size.width > 2000;
                    for (Map.Entry<String, PostSettings> c : cases.entrySet()) {
                        double[] t = millis(image, c.getValue(), large ? 2 : 5, large ? 7 : 25);
                        System.out.printf(Locale.ROOT, "%4.0fx%-4.0f %-58s fastest %6.1f ms, median %6.1f ms%n",
                                size.width, size.height, c.getKey(), t[0], t[t.length / 2]);
                    }
                }
            }
        }
        Files.deleteIfExists(home);
    }

    /** The times of the runs after the warm-up, sorted. */
    private static double[] millis(Image image, PostSettings settings, int warmUp, int runs) {
        double[] times = new double[runs];
        for (int i = 0; i < warmUp + runs; i++) {
            long start = System.nanoTime();
            PostProcess.apply(image, settings).close();
            if (i >= warmUp) {
                times[i - warmUp] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(times);
        return times;
    }
}
