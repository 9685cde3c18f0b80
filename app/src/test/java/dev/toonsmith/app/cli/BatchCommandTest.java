package dev.toonsmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.image.Image;
import dev.toonsmith.engine.image.ImageReader;
import dev.toonsmith.engine.io.UserDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;

/** {@code toonsmith batch} as a designer uses it: a folder in, a folder out, an exit code that tells. */
class BatchCommandTest {

    @TempDir
    Path work;

    private Path shoot;


    @BeforeEach
    void setUp() throws Exception {
        System.setProperty(UserDirectories.HOME_PROPERTY, work.resolve("home").toString());
        shoot = work.resolve("shoot");
        Path day2 = shoot.resolve("día 2");
        Files.createDirectories(day2);
        Path coffee = Path.of(Objects.requireNonNull(getClass().getResource("/photos/coffee-200.jpg")).toURI());
        Files.copy(coffee, shoot.resolve("coffee.jpg"));
        Files.copy(coffee, day2.resolve("second cup.jpg"));
        byte[] jpeg = Files.readAllBytes(coffee);
        Files.write(shoot.resolve("holiday.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 3));
        Files.write(shoot.resolve("empty.png"), new byte[0]);
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(UserDirectories.HOME_PROPERTY);
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void someBadInputsExitWithTwoAndAreListedAndARerunSkipsTheRest() throws IOException {
        byte[] before = Files.readAllBytes(shoot.resolve("coffee.jpg"));
        Path out = work.resolve("out");
        CliRun first = run("batch", shoot.toString(), "-o", out.toString(), "--recursive", "--post", "Poster",
                "--strength", "0.9", "--format", "png", "--device", "cpu");
        assertEquals(2, first.exitCode(), first.out() + first.err());
        assertTrue(first.out().contains("2 done, 0 skipped, 2 failed"), first.out());
        assertTrue(first.out().contains("holiday.jpg: ") && first.out().contains("truncated"), first.out());
        assertTrue(first.out().contains("empty.png: "), first.out());
        assertTrue(first.out().contains("[4/4]"), "a line per input off a terminal: " + first.out());
        try (Image result = ImageReader.read(out.resolve("día 2").resolve("second cup_toonsmith-default.png"))) {
            assertEquals(200, result.width());
        }
        assertArrayEquals(before, Files.readAllBytes(shoot.resolve("coffee.jpg")));
        assertTrue(Files.exists(out.resolve("toonsmith-batch-report.csv")));
        assertTrue(Files.exists(out.resolve("toonsmith-batch-report-settings.json")));

        // Sub-folders are included by default, as on the Batch page.
        CliRun again = run("batch", shoot.toString(), "-o", out.toString(), "--post", "Poster",
                "--strength", "0.9", "--format", "png", "--device", "cpu");
        assertEquals(2, again.exitCode());
        assertTrue(again.out().contains("0 done, 2 skipped, 2 failed"), again.out());
        CliRun topOnly = run("batch", shoot.toString(), "-o", work.resolve("top").toString(), "--no-recursive",
                "--post", "Poster", "--format", "png", "--device", "cpu");
        assertTrue(topOnly.out().contains("1 done, 0 skipped, 2 failed"), topOnly.out());
        assertFalse(Files.exists(work.resolve("top").resolve("día 2")));

        // The settings file repeats the batch exactly: into a new folder, the same pixels.
        Path settings = out.resolve("toonsmith-batch-report-settings.json");
        Path elsewhere = work.resolve("repeat");
        CliRun repeated = run("batch", "--settings", settings.toString(), "-o", elsewhere.toString());
        assertEquals(2, repeated.exitCode(), repeated.out() + repeated.err());
        assertTrue(repeated.out().contains("2 done, 0 skipped, 2 failed"), repeated.out());
        try (Image original = ImageReader.read(out.resolve("coffee_toonsmith-default.png"));
                Image repeat = ImageReader.read(elsewhere.resolve("coffee_toonsmith-default.png"))) {
            assertEquals(0, Core.norm(original.mat(), repeat.mat(), Core.NORM_INF));
        }
        CliRun mixed = run("batch", "--settings", settings.toString(), "--strength", "0.5");
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("--strength"), mixed.err());
    }

    @Test
    void batchAndStylizeMakeTheSamePixels() throws IOException {
        Path out = work.resolve("out");
        Path one = work.resolve("one.png");
        String[] look = {"--post", "Comic ink", "--strength", "0.6", "--device", "cpu"};
        CliRun stylize = run(concat(new String[] {"stylize", shoot.resolve("coffee.jpg").toString(), "-o", one.toString()},
                look));
        assertEquals(0, stylize.exitCode(), stylize.err());
        CliRun batch = run(concat(new String[] {"batch", shoot.resolve("coffee.jpg").toString(), "-o", out.toString(),
            "--format", "png"}, look));
        assertEquals(0, batch.exitCode(), batch.out() + batch.err());
        try (Image a = ImageReader.read(one); Image b = ImageReader.read(out.resolve("coffee_toonsmith-default.png"))) {
            assertEquals(0, Core.norm(a.mat(), b.mat(), Core.NORM_INF));
        }
    }

    @Test
    void anUnwritableOutputFailsFastAndRenameNeverOverwrites() throws IOException {
        Path file = work.resolve("a-file");
        Files.writeString(file, "x");
        long start = System.nanoTime();
        CliRun unwritable = run("batch", shoot.toString(), "-o", file.resolve("out").toString(), "--device", "cpu");
        assertEquals(1, unwritable.exitCode());
        String err = unwritable.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("toonsmith: ") && err.contains(file.resolve("out").toString()), err);
        assertTrue((System.nanoTime() - start) / 1e9 < 60, "before any photo is rendered");

        Path out = work.resolve("out");
        Files.createDirectories(out);
        Path taken = out.resolve("coffee_toonsmith-default.jpg");
        Files.writeString(taken, "keep me");
        CliRun renamed = run("batch", shoot.resolve("coffee.jpg").toString(), "-o", out.toString(), "--on-exists",
                "rename", "--device", "cpu");
        assertEquals(0, renamed.exitCode(), renamed.out() + renamed.err());
        assertEquals("keep me", Files.readString(taken));
        assertTrue(Files.exists(out.resolve("coffee_toonsmith-default-2.jpg")));
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        CliRun template = run("batch", shoot.toString(), "-o", work.resolve("o").toString(), "--name-template", "{style}.{ext}");
        assertEquals(2, template.exitCode());
        assertTrue(template.err().contains("--name-template"), template.err());
        CliRun policy = run("batch", shoot.toString(), "-o", work.resolve("o").toString(), "--on-exists", "replace");
        assertEquals(2, policy.exitCode());
        assertTrue(policy.err().contains("--on-exists"), policy.err());
        CliRun format = run("batch", shoot.toString(), "-o", work.resolve("o").toString(), "--format", "gif");
        assertEquals(2, format.exitCode());
        CliRun missing = run("batch", work.resolve("nowhere").toString(), "-o", work.resolve("o").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nowhere"), missing.err());
        assertFalse(Files.exists(work.resolve("o")), "nothing made for a refused batch");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
