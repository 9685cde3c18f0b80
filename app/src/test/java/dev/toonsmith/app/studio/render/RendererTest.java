package dev.toonsmith.app.studio.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.tasks.Progress;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.image.ImageWriter;
import dev.toonsmith.engine.image.WriteOptions;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.post.PostSettings;
import dev.toonsmith.engine.runtime.DevicePreference;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.style.StyleLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** The renderer's generator stages (draft, then preview) on real photos and a real (untrained) style. */
class RendererTest {

    @TempDir
    Path work;

    private StyleLibrary styles;
    private StyleEntry style;
    private Renderer renderer;
    private final List<Photo> opened = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Path home = work.resolve("home");
        StudioFixtures.installStyle(home, StudioFixtures.STYLE_ID, StudioFixtures.STYLE_NAME);
        styles = StyleLibrary.load(new UserDirectories(home));
        style = styles.find(StudioFixtures.STYLE_ID).orElseThrow();
        renderer = newRenderer();
    }

    @AfterEach
    void tearDown() {
        opened.forEach(Photo::release);
        renderer.close();
    }

    private Renderer newRenderer() {
        return new Renderer(new StylizerCache(styles, DevicePreference.CPU, 1));
    }

    private Photo open(Renderer by, Path file) throws Exception {
        Photo photo = by.open(file);
        opened.add(photo);
        return photo;
    }

    @Test
    void aPhotoOverTheLimitIsRefusedBeforeDecodingAndARaisedLimitOpensIt() throws Exception {
        Path photo = StudioFixtures.sample("cat.jpg");
        try (Renderer strict = new Renderer(new StylizerCache(styles, DevicePreference.CPU, 1),
                new dev.toonsmith.engine.image.ImageLimits(100_000))) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.toonsmith.engine.image.ImageTooLargeException.class, () -> strict.open(photo));
            assertTrue(e.getMessage().startsWith("Cannot read cat.jpg: it is "), e.getMessage());
            assertTrue(e.getMessage().contains("Toonsmith decodes at most 0.1 MP"), e.getMessage());
        }
        assertTrue(open(renderer, photo).width() > 0, "the default limit opens it");
    }

    /** The coffee sample scaled to a size, optionally with a cut-out alpha (an opaque disc, soft-edged). */
    private Path photo(int width, int height, boolean cutOut) throws Exception {
        Path file = work.resolve(width + "x" + height + (cutOut ? "-cut" : "") + ".png");
        try (Image sample = ImageReader.read(StudioFixtures.sample("coffee.jpg"))) {
            Mat pixels = new Mat();
            Imgproc.resize(sample.mat(), pixels, new Size(width, height), 0, 0, Imgproc.INTER_CUBIC);
            if (cutOut) {
                Mat alpha = Mat.zeros(height, width, org.opencv.core.CvType.CV_8UC1);
                Imgproc.circle(alpha, new Point(width / 2.0, height / 2.0), height / 3, new Scalar(255), -1,
                        Imgproc.LINE_AA);
                List<Mat> planes = new ArrayList<>();
                Core.split(pixels, planes);
                planes.add(alpha);
                Core.merge(planes, pixels);
                planes.forEach(Mat::release);
            }
            try (Image image = Image.wrap(pixels)) {
                ImageWriter.write(image, file, WriteOptions.defaults());
            }
        }
        return file;
    }

    @Test
    void aDraftStandsInAtPreviewSizeUntilThePreviewPassReplacesIt() throws Exception {
        Photo photo = open(renderer, photo(1536, 1024, false));

        GeneratorPass draft = renderer.generate(photo, style, RenderStage.DRAFT, () -> true);
        assertEquals(RenderStage.DRAFT, draft.stage());
        assertTrue(draft.ranGenerator());
        PreviewRender fromDraft = renderer.preview(photo, style, 1, PostSettings.NONE, () -> true);
        assertEquals(RenderStage.DRAFT, fromDraft.stage());
        assertFalse(fromDraft.ranGenerator(), "the draft is used, not a new pass");
        assertEquals(1024, fromDraft.raster().width());
        assertEquals(683, fromDraft.raster().height());

        GeneratorPass preview = renderer.generate(photo, style, RenderStage.PREVIEW, () -> true);
        assertEquals(RenderStage.PREVIEW, preview.stage());
        assertTrue(preview.ranGenerator());
        PreviewRender fromPreview = renderer.preview(photo, style, 1, PostSettings.NONE, () -> true);
        assertEquals(RenderStage.PREVIEW, fromPreview.stage());
        assertFalse(java.util.Arrays.equals(fromDraft.raster().bgraPremultiplied(),
                fromPreview.raster().bgraPremultiplied()));

        GeneratorPass again = renderer.generate(photo, style, RenderStage.DRAFT, () -> true);
        assertEquals(RenderStage.PREVIEW, again.stage(), "a draft never replaces the preview");
        assertFalse(again.ranGenerator());
    }

    @Test
    void aPhotoTooSmallForADraftToSaveTimeGetsThePreviewPassAtOnce() throws Exception {
        Photo photo = open(renderer, StudioFixtures.sample("cat.jpg"));

        GeneratorPass pass = renderer.generate(photo, style, RenderStage.DRAFT, () -> true);

        assertEquals(RenderStage.PREVIEW, pass.stage());
        assertTrue(pass.ranGenerator());
    }

    @Test
    void aDraftKeepsThePhotosOwnTransparency() throws Exception {
        Path file = photo(960, 640, true);
        Photo photo = open(renderer, file);
        renderer.generate(photo, style, RenderStage.DRAFT, () -> true);

        Raster draft = renderer.preview(photo, style, 1, PostSettings.NONE, () -> true).raster();

        try (Image source = ImageReader.read(file)) {
            byte[] bgra = new byte[960 * 640 * 4];
            source.mat().get(0, 0, bgra);
            for (int i = 3; i < bgra.length; i += 4) {
                if (bgra[i] != draft.bgraPremultiplied()[i]) {
                    throw new AssertionError("alpha differs at pixel " + i / 4 + ": photo " + (bgra[i] & 0xff)
                            + ", draft " + (draft.bgraPremultiplied()[i] & 0xff));
                }
            }
        }
    }

    @Test
    void theFullRenderOfAPhotoThatIsItsOwnPreviewNeverReusesADraft() throws Exception {
        Path file = photo(960, 640, false);
        Photo photo = open(renderer, file);
        renderer.generate(photo, style, RenderStage.DRAFT, () -> true);

        byte[] full;
        try (Image rendered = renderer.renderFull(photo, style, 1, PostSettings.NONE, Progress.NONE)) {
            full = Rasters.fromImage(rendered).bgraPremultiplied();
        }

        try (Renderer fresh = newRenderer()) {
            Photo same = open(fresh, file);
            try (Image expected = fresh.renderFull(same, style, 1, PostSettings.NONE, Progress.NONE)) {
                assertArrayEquals(Rasters.fromImage(expected).bgraPremultiplied(), full);
            }
        }
    }

    @Test
    void theFullRenderOfALargePhotoInAStyleWithAWorkingEdgeIsWhatTheCommandLineDraws() throws Exception {
        Path home = work.resolve("edged-home");
        Path bundle = StudioFixtures.installStyle(home, "edged", "Edged", new dev.toonsmith.engine.model.LiteSpec(4, 1, true),
                Renderer.PREVIEW_EDGE);
        StyleLibrary edgedStyles = StyleLibrary.load(new UserDirectories(home));
        StyleEntry edged = edgedStyles.find("edged").orElseThrow();
        Path file = photo(1400, 934, false);
        try (Renderer studio = new Renderer(new StylizerCache(edgedStyles, DevicePreference.CPU, 1))) {
            Photo photo = open(studio, file);
            // The preview draws at the working edge; the full render then only brings that drawing back up.
            studio.preview(photo, edged, 1, PostSettings.NONE, () -> true);
            try (Image full = studio.renderFull(photo, edged, 1, PostSettings.NONE, Progress.NONE);
                    dev.toonsmith.engine.infer.Stylizer commandLine = dev.toonsmith.engine.infer.Stylizer.load(
                            dev.toonsmith.engine.style.StyleBundle.read(bundle), DevicePreference.CPU);
                    Image source = ImageReader.read(file);
                    Image expected = commandLine.stylize(source, dev.toonsmith.engine.infer.StylizeOptions.defaults())) {
                assertEquals(1400, full.width());
                assertEquals(0, Core.norm(expected.mat(), full.mat(), Core.NORM_INF), "the same pixels as 'stylize'");
            }
        }
    }

    @Test
    void theStudiosExportIsWhatStylizeAndABatchWriteWithTheSameSettings() throws Exception {
        Path file = photo(700, 466, false);
        dev.toonsmith.engine.post.Preset poster = new dev.toonsmith.engine.post.PresetLibrary(
                new UserDirectories(work.resolve("home"))).resolve("Poster");
        // The studio: a preview first (as a user would see), then the export's full render, written as PNG.
        Path studioFile = work.resolve("studio.png");
        Photo photo = open(renderer, file);
        renderer.preview(photo, style, 0.7, poster.settings(), () -> true);
        try (Image full = renderer.renderFull(photo, style, 0.7, poster.settings(), Progress.NONE)) {
            dev.toonsmith.engine.image.ImageWriter.write(full, studioFile,
                    dev.toonsmith.engine.image.WriteOptions.defaults(), file);
        }
        // The batch, with the same look.
        dev.toonsmith.engine.render.RenderSettings look = dev.toonsmith.engine.render.RenderSettings.builder()
                .optStyle(dev.toonsmith.engine.style.StyleBundle.read(style.file())).optStrength(0.7)
                .optPost(poster.settings(), poster.name()).build();
        Path in = work.resolve("batch-in");
        Files.createDirectories(in);
        Files.copy(file, in.resolve("photo.png"));
        dev.toonsmith.engine.batch.BatchReport report = dev.toonsmith.engine.batch.BatchJob.builder().addInput(in)
                .setOutputFolder(work.resolve("batch-out")).setSettings(look).optDevice(DevicePreference.CPU)
                .build().run();
        try (Image studio = ImageReader.read(studioFile);
                Image batch = ImageReader.read(report.results().get(0).output())) {
            assertEquals(0, Core.norm(studio.mat(), batch.mat(), Core.NORM_INF), "the same pixels as a batch");
        }
    }
}
