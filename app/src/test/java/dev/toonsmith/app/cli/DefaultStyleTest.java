package dev.toonsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.image.CartoonLook;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.io.UserDirectories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The bundled default style on photos it never saw in training, through the command line with no
 * {@code --style}: what a new user gets first. It must draw a cartoon (flatter surfaces, darker boundaries),
 * not return the photo or noise.
 */
class DefaultStyleTest {

    @TempDir
    Path work;

    @BeforeEach
    void isolateUserFolder() {
        System.setProperty(UserDirectories.HOME_PROPERTY, work.resolve("home").toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(UserDirectories.HOME_PROPERTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coffee.jpg", "grace-hopper.jpg"})
    void stylizeWithoutAStyleDrawsTheDefaultCartoon(String name) throws Exception {
        Path photoFile = Path.of("..", "sample-images", name);
        Path out = work.resolve("out.png");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = ToonsmithCommand.run(new String[] {"stylize", photoFile.toString(), "-o", out.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String printed = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("style 'Toonsmith Default'"), printed);

        try (Image photo = ImageReader.read(photoFile); Image cartoon = ImageReader.read(out)) {
            assertEquals(photo.width(), cartoon.width());
            assertEquals(photo.height(), cartoon.height());
            CartoonLook before = CartoonLook.of(photo, photo);
            CartoonLook after = CartoonLook.of(photo, cartoon);
            System.out.printf("%s: interior texture %.2f -> %.2f, boundary brightness %.1f -> %.1f%n", name,
                    before.interiorTexture(), after.interiorTexture(), before.boundaryBrightness(), after.boundaryBrightness());
            // Away from the boundaries: the outlines a cartoon adds are not texture.
            assertTrue(after.interiorTexture() < FLATTER * before.interiorTexture(), "surfaces flattened: mean |Laplacian| "
                    + after.interiorTexture() + " vs the photo's " + before.interiorTexture());
            assertTrue(after.boundaryBrightness() < before.boundaryBrightness() - DARKER_BOUNDARIES,
                    "boundaries inked: mean brightness on the photo's strongest edges " + after.boundaryBrightness()
                            + " vs the photo's " + before.boundaryBrightness());
        }
    }

    /**
     * The default style alone must read as a cartoon, not as a smoothed photo: a cartoonist's few dozen colours at
     * most, and cleaner than the Clean cel preset (filters alone) on the same photo. The style before the palette layer
     * (about 220 bins, ten times Clean cel's speckle) fails both, and so does any generator that returns the photo.
     */
    @ParameterizedTest
    @ValueSource(strings = {"grace-hopper.jpg", "coffee.jpg"})
    void theDefaultStyleAlonePaintsAFewColoursWithLessSpeckleThanCleanCel(String name) throws Exception {
        Path photoFile = Path.of("..", "sample-images", name);
        Path styled = stylize(photoFile, "styled.png");
        Path filtered = stylize(photoFile, "clean-cel.png", "--style", "none", "--post", "Clean cel");
        try (Image photo = ImageReader.read(photoFile); Image style = ImageReader.read(styled);
                Image cleanCel = ImageReader.read(filtered)) {
            CartoonLook original = CartoonLook.of(photo, photo);
            CartoonLook drawn = CartoonLook.of(photo, style);
            CartoonLook posted = CartoonLook.of(photo, cleanCel);
            System.out.printf("%s: palette bins %d -> %d (Clean cel %d), speckle per MP %.0f -> %.0f (Clean cel %.0f)%n",
                    name, original.paletteBins(), drawn.paletteBins(), posted.paletteBins(), original.speckle(),
                    drawn.speckle(), posted.speckle());
            assertTrue(drawn.paletteBins() <= MAX_PALETTE_BINS, "5-bit colour bins covering 90 % of the picture: "
                    + drawn.paletteBins() + " (the photo has " + original.paletteBins() + ")");
            assertTrue(drawn.speckle() < posted.speckle(), "fragments per megapixel: " + drawn.speckle()
                    + " against Clean cel's " + posted.speckle());
        }
    }

    /**
     * A large photo must get the cartoon its 1024 px preview showed, not flat areas and outlines too small to
     * see: the style draws at its working edge and the result is upsampled edge-aware.
     */
    @Test
    void aLargePhotoGetsTheCartoonItsPreviewShowed() throws Exception {
        Path big = work.resolve("coffee-big.png");
        try (Image photo = ImageReader.read(Path.of("..", "sample-images", "coffee.jpg"))) {
            Mat enlarged = new Mat();
            Imgproc.resize(photo.mat(), enlarged, new Size(1800, 1200), 0, 0, Imgproc.INTER_CUBIC);
            org.opencv.imgcodecs.Imgcodecs.imwrite(big.toString(), enlarged);
        }
        Path full = stylize(big, "full.png");
        Path fullScale = stylize(big, "full-scale.png", "--working-edge", "0");
        try (Image fullImage = ImageReader.read(full); Image fullScaleImage = ImageReader.read(fullScale);
                Image photo = ImageReader.read(big)) {
            assertEquals(1800, fullImage.width());
            assertEquals(1200, fullImage.height());
            CartoonLook before = CartoonLook.of(photo, photo);
            CartoonLook atWorkingEdge = CartoonLook.of(photo, fullImage);
            CartoonLook atFullScale = CartoonLook.of(photo, fullScaleImage);
            System.out.printf("1800x1200 coffee: interior texture %.2f -> %.2f; texture %.2f at the working edge, %.2f drawn"
                    + " at full resolution%n", before.interiorTexture(), atWorkingEdge.interiorTexture(),
                    atWorkingEdge.texture(), atFullScale.texture());
            // An enlarged photo is smooth already (its fine texture was never there), and the edge-aware upsampling
            // follows its gentle gradients: this checks that the drawing survives upsampling, not the bar above.
            assertTrue(atWorkingEdge.interiorTexture() < 0.7 * before.interiorTexture(),
                    "surfaces flattened: " + atWorkingEdge.interiorTexture() + " vs the photo's " + before.interiorTexture());
            // Lines and flat areas drawn at full resolution are a few pixels wide: fine detail everywhere.
            assertTrue(atFullScale.texture() > 1.5 * atWorkingEdge.texture(),
                    "drawn at full resolution the style's flat areas are too small to see: " + atFullScale.texture()
                            + " vs " + atWorkingEdge.texture());
            // Lines drawn at the working edge cover less of the enlarged photo's wide, soft boundary band.
            // The painted default style darkens this band by 18 levels (its 1024 px coffee's rim by 30).
            assertTrue(atWorkingEdge.boundaryBrightness() < before.boundaryBrightness() - 12,
                    "boundaries inked: " + atWorkingEdge.boundaryBrightness() + " vs the photo's " + before.boundaryBrightness());
        }
    }

    private Path stylize(Path photo, String outName, String... options) {
        Path out = work.resolve(outName);
        String[] args = new String[3 + options.length];
        args[0] = "stylize";
        args[1] = photo.toString();
        args[2] = "-o=" + out;
        System.arraycopy(options, 0, args, 3, options.length);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = ToonsmithCommand.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8));
        return out;
    }

    /**
     * At most this share of the photo's texture may stay inside regions. The default style paints shading as two or
     * three flat tones whose borders count in the |Laplacian| (coffee: 0.44 of the photo's), so this bar only keeps
     * out a style that passes texture through; the palette and speckle bars above judge flatness.
     */
    private static final double FLATTER = 0.5;
    /** The most 5-bit colour bins the default style may need for 90 % of a picture: a cartoonist's palette. */
    private static final int MAX_PALETTE_BINS = 40;
    /**
     * Boundaries must get at least this much darker (gray levels): inked, not merely softened. The painted style inks
     * the coffee cup's rim 30 levels darker and Grace Hopper's outlines 51.
     */
    private static final double DARKER_BOUNDARIES = 25;
}
