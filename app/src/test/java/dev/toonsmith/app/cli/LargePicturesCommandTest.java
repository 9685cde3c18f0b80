package dev.toonsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.image.HostileImages;
import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.io.UserDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stylize} and {@code batch} with pictures too large to decode: refused at once with one line, never decoded. */
class LargePicturesCommandTest {

    @TempDir
    Path work;

    private Path photo;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty(UserDirectories.HOME_PROPERTY, work.resolve("home").toString());
        photo = work.resolve("in").resolve("coffee.jpg");
        Files.createDirectories(photo.getParent());
        Files.copy(Path.of(Objects.requireNonNull(getClass().getResource("/photos/coffee-200.jpg")).toURI()), photo);
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(UserDirectories.HOME_PROPERTY);
    }

    @Test
    void stylizeRefusesEachHostilePictureWithOneLineInUnderASecondBeforeLoadingTheStyle() throws IOException {
        Path dir = work.resolve("in");
        List<Path> hostile = List.of(HostileImages.png30000(dir, "bomb.png"),
                HostileImages.jpegHeader(dir, "scan.jpg", 65000, 65000), HostileImages.tiffAtLimit(dir, "huge.tif"),
                HostileImages.webpAtLimit(dir, "huge.webp"));
        Path out = work.resolve("out.jpg");
        // The command line's own first start in this JVM (classes, logging) is not the refusal's time.
        assertEquals(1, CliRun.of("stylize", dir.resolve("missing.png").toString(), "-o", out.toString()).exitCode());
        for (Path file : hostile) {
            long start = System.nanoTime();
            CliRun run = CliRun.of("stylize", file.toString(), "-o", out.toString());
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(1, run.exitCode(), run.err());
            String err = run.err().strip();
            assertEquals(1, err.lines().count(), err);
            // Named with its folder, as the command line names files.
            assertTrue(err.startsWith("toonsmith: Cannot read " + file.toAbsolutePath().normalize() + ": it is "), err);
            assertTrue(err.contains("Toonsmith decodes at most 183 MP with the current memory budget."), err);
            assertTrue(err.contains("--max-pixels"), err);
            assertTrue(millis < 1000, file.getFileName() + " took " + millis + " ms to refuse");
            assertFalse(Files.exists(out));
        }
        CliRun bomb = CliRun.of("stylize", hostile.get(0).toString(), "-o", out.toString());
        assertTrue(bomb.err().contains("bomb.png: it is 30000x30000 pixels (900 MP)"), bomb.err());
    }

    @Test
    void maxPixelsSetsTheLimitAndMaxEdgeLetsAJpegOverItBeDecodedReduced() throws IOException {
        Path out = work.resolve("small.png");
        try (Image source = ImageReader.read(photo)) {
            assertEquals(200, source.width());
        }

        CliRun refused = CliRun.of("stylize", photo.toString(), "-o", out.toString(), "--style", "none", "--post",
                "Poster", "--max-pixels", "10000");
        assertEquals(1, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("Toonsmith decodes at most 10000 pixels"), refused.err());
        assertTrue(refused.err().contains("or ask for a smaller output (--max-edge)"), refused.err());

        // Half size (100 px across, 6650 pixels) fits 10,000 pixels and is still wider than the 50 px asked for.
        CliRun reduced = CliRun.of("stylize", photo.toString(), "-o", out.toString(), "--style", "none", "--post",
                "Poster", "--max-pixels", "10000", "--max-edge", "50");
        assertEquals(0, reduced.exitCode(), reduced.err());
        try (Image result = ImageReader.read(out)) {
            assertEquals(50, result.width());
        }

        CliRun negative = CliRun.of("stylize", photo.toString(), "-o", out.toString(), "--max-pixels", "-1");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--max-pixels must be 0 (the default, 183 MP) or a number of pixels"),
                negative.err());
    }

    @Test
    void batchFailsTheTooLargeFilesWithTheirReasonAndRendersTheRest() throws IOException {
        Path in = work.resolve("in");
        HostileImages.png30000(in, "bomb.png");
        HostileImages.webpAtLimit(in, "huge.webp");
        Path out = work.resolve("out");

        CliRun run = CliRun.of("batch", in.toString(), "-o", out.toString(), "--style", "none", "--post", "Poster");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("1 done, 0 skipped, 2 failed"), run.out());
        assertTrue(run.out().contains("bomb.png: it is 30000x30000 pixels (900 MP); Toonsmith decodes at most 183 MP"),
                run.out());
        assertTrue(run.out().contains("huge.webp: it is 16777216x16777216 pixels"), run.out());
        try (var written = Files.list(out)) {
            assertTrue(written.anyMatch(p -> p.getFileName().toString().startsWith("coffee_")), "the photo is rendered");
        }

        CliRun raised = CliRun.of("batch", in.toString(), "-o", work.resolve("out2").toString(), "--style", "none",
                "--post", "Poster", "--max-pixels", "1000");
        assertTrue(raised.out().contains("0 done, 0 skipped, 3 failed"), raised.out());
    }
}
