package dev.toonsmith.engine.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.toonsmith.engine.io.UserDirectories;
import dev.toonsmith.engine.model.CartoonGanSpec;
import dev.toonsmith.engine.model.LiteSpec;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StyleLibraryTest {

    @TempDir
    Path home;

    @TempDir
    Path elsewhere;

    private UserDirectories dirs;

    /** A class loader that sees nothing bundled, so that tests do not depend on what the build ships. */
    private final ClassLoader nothingBundled = new URLClassLoader(new URL[0], null);

    @BeforeEach
    void setUp() {
        dirs = new UserDirectories(home);
    }

    @Test
    void theShippedIndexBundlesTheTrainedDefaultStyle() throws Exception {
        StyleLibrary library = StyleLibrary.load(dirs);
        assertEquals(List.of(), library.problems());
        StyleEntry entry = library.defaultStyle().orElseThrow();
        assertEquals(StyleSource.BUNDLED, entry.source());
        assertFalse(entry.deletable());
        assertTrue(entry.fileSize() <= 4L * 1024 * 1024, "the default style stays within 4 MB: " + entry.fileSize());
        StyleBundle bundle = StyleBundle.read(entry.file());
        StyleManifest manifest = bundle.manifest();
        assertEquals("lite", manifest.architecture().name());
        assertEquals("CC0-1.0", manifest.license());
        assertTrue(manifest.attribution().contains("openclipart"), manifest.attribution());
        assertTrue(bundle.parameterCount() < 1_500_000);
    }

    @Test
    void listsUserStylesSortedByNameAndFindsThemByIdOrName() throws Exception {
        StyleWriter.writeToFolder(StyleFixtures.bundle(new LiteSpec(4, 1, true), "zebra", "Zebra Ink"), dirs.styles());
        StyleWriter.writeToFolder(StyleFixtures.bundle(new CartoonGanSpec(4, 1), "apple", "apple pastel"), dirs.styles());

        StyleLibrary library = StyleLibrary.load(dirs, nothingBundled);

        assertEquals(List.of("apple", "zebra"), library.entries().stream().map(StyleEntry::id).toList());
        assertEquals(List.of(), library.problems());
        StyleEntry zebra = library.find("zebra").orElseThrow();
        assertEquals(StyleSource.USER, zebra.source());
        assertEquals("Zebra Ink", zebra.name());
        assertEquals(dirs.styles().resolve("zebra.toon"), zebra.file());
        assertEquals(Files.size(zebra.file()), zebra.fileSize());
        assertEquals(StyleBundle.read(zebra.file()).parameterCount(), zebra.parameterCount());
        assertTrue(zebra.deletable());
        assertEquals("apple", library.find("APPLE PASTEL").orElseThrow().id());
        assertTrue(library.find("nothing").isEmpty());
        assertTrue(library.defaultStyle().isEmpty());
        assertArrayEquals(StyleFixtures.png(), library.thumbnailPng("zebra").orElseThrow());
    }

    @Test
    void brokenUserFilesAreReportedAndTheRestStillLoads() throws Exception {
        StyleWriter.writeToFolder(StyleFixtures.bundle(new LiteSpec(4, 0, true), "good", "Good"), dirs.styles());
        Path junk = Files.writeString(dirs.styles().resolve("junk.toon"), "not a zip");
        Path noManifest = StyleFixtures.zip(dirs.styles().resolve("empty.toon"),
                Map.of("readme.txt", "hi".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dirs.styles().resolve("notes.txt"), "ignored: not a .toon file");

        StyleLibrary library = StyleLibrary.load(dirs, nothingBundled);

        assertEquals(List.of("good"), library.entries().stream().map(StyleEntry::id).toList());
        assertEquals(List.of(noManifest, junk), library.problems().stream().map(StyleProblem::file).toList());
        assertTrue(library.problems().get(0).message().contains("it has no manifest.json"));
        assertTrue(library.problems().get(1).message().contains("is not a Toonsmith style: it is not a zip archive"));
    }

    @Test
    void aSecondUserStyleWithTheSameIdIsReported() throws Exception {
        StyleBundle bundle = StyleFixtures.bundle(new LiteSpec(4, 0, true), "twin", "Twin");
        StyleWriter.write(bundle, dirs.styles().resolve("a.toon"));
        StyleWriter.write(bundle, dirs.styles().resolve("b.toon"));

        StyleLibrary library = StyleLibrary.load(dirs, nothingBundled);

        assertEquals(dirs.styles().resolve("a.toon"), library.find("twin").orElseThrow().file());
        assertEquals(1, library.problems().size());
        assertTrue(library.problems().get(0).message().contains("its id 'twin' is already used by the style 'Twin' in "),
                library.problems().get(0).message());
    }

    @Test
    void importCopiesIntoTheUserFolderAndRefusesAnIdClash() throws Exception {
        StyleLibrary library = StyleLibrary.load(dirs, nothingBundled);
        Path outside = StyleWriter.write(
                StyleFixtures.bundle(new LiteSpec(4, 0, true), "sketch", "Sketch"), elsewhere.resolve("download.toon")).file();

        StyleEntry entry = library.importStyle(outside);

        assertEquals(dirs.styles().resolve("sketch.toon"), entry.file());
        assertEquals(StyleSource.USER, entry.source());
        assertArrayEquals(Files.readAllBytes(outside), Files.readAllBytes(entry.file()));
        assertTrue(Files.exists(outside), "import copies, it does not move");
        assertEquals(List.of(entry), library.entries());
        try (var files = Files.list(dirs.styles())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }

        StyleLibraryException clash = assertThrows(StyleLibraryException.class, () -> library.importStyle(outside));
        assertTrue(clash.getMessage().contains("its id 'sketch' is already used by the style 'Sketch'"), clash.getMessage());
        assertTrue(clash.getMessage().contains("Delete that style first"), clash.getMessage());
    }

    @Test
    void importRefusesABrokenFileAndAvoidsOccupiedFileNames() throws Exception {
        StyleLibrary library = StyleLibrary.load(dirs, nothingBundled);
        Path junk = Files.writeString(elsewhere.resolve("junk.toon"), "junk");
        StyleFormatException e = assertThrows(StyleFormatException.class, () -> library.importStyle(junk));
        assertEquals(junk, e.file());
        assertFalse(Files.exists(dirs.styles()), "nothing is written for a refused import");

        // A broken file already named sketch.toon is not overwritten by an import of the style 'sketch'.
        Files.createDirectories(dirs.styles());
        Files.writeString(dirs.styles().resolve("sketch.toon"), "broken");
        Path outside = StyleWriter.write(
                StyleFixtures.bundle(new LiteSpec(4, 0, true), "sketch", "Sketch"), elsewhere.resolve("s.toon")).file();
        library.reload();
        StyleEntry entry = library.importStyle(outside);
        assertEquals(dirs.styles().resolve("sketch-2.toon"), entry.file());
        assertEquals("broken", Files.readString(dirs.styles().resolve("sketch.toon")));
    }

    @Test
    void deleteRemovesUserStylesOnly() throws Exception {
        StyleWriter.writeToFolder(StyleFixtures.bundle(new LiteSpec(4, 0, true), "gone", "Gone"), dirs.styles());
        StyleLibrary library = StyleLibrary.load(dirs, nothingBundled);

        library.delete("gone");

        assertFalse(Files.exists(dirs.styles().resolve("gone.toon")));
        assertTrue(library.entries().isEmpty());
        StyleLibraryException e = assertThrows(StyleLibraryException.class, () -> library.delete("gone"));
        assertTrue(e.getMessage().startsWith("No style 'gone' is installed"), e.getMessage());
    }

    @Test
    void bundledStylesFromAJarAreCopiedToTheCacheAndOwnTheirIds() throws Exception {
        Path jar = elsewhere.resolve("styles.jar");
        byte[] style = toonBytes(StyleFixtures.bundle(new LiteSpec(4, 0, true), StyleLibrary.DEFAULT_ID, "Default"));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            put(zip, BundledStyles.INDEX, "# bundled\n\ndefault.toon\n  missing.toon  \n");
            put(zip, BundledStyles.FOLDER + "default.toon", style);
        }
        // The user has a style that claims the bundled id.
        StyleWriter.write(StyleFixtures.bundle(new LiteSpec(4, 1, true), StyleLibrary.DEFAULT_ID, "Impostor"),
                dirs.styles().resolve("impostor.toon"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            StyleLibrary library = StyleLibrary.load(dirs, loader);

            StyleEntry entry = library.defaultStyle().orElseThrow();
            assertEquals(StyleSource.BUNDLED, entry.source());
            assertEquals("Default", entry.name());
            assertFalse(entry.deletable());
            assertTrue(entry.file().startsWith(dirs.cache()), entry.file().toString());
            assertArrayEquals(style, Files.readAllBytes(entry.file()));
            assertEquals(List.of(entry), library.entries());

            List<StyleProblem> problems = library.problems();
            assertEquals(2, problems.size(), problems.toString());
            assertTrue(problems.get(0).message().contains("the style index lists 'missing.toon' but the application has no such file"));
            assertTrue(problems.get(1).message().contains("its id 'default' is already used by the bundled style 'Default'"));

            StyleLibraryException e = assertThrows(StyleLibraryException.class, () -> library.delete("default"));
            assertTrue(e.getMessage().contains("is bundled with Toonsmith and cannot be deleted"), e.getMessage());
            Path copy = StyleWriter.write(StyleFixtures.bundle(new LiteSpec(4, 0, true), "default", "Copy"),
                    elsewhere.resolve("copy.toon")).file();
            e = assertThrows(StyleLibraryException.class, () -> library.importStyle(copy));
            assertTrue(e.getMessage().contains("bundled with Toonsmith"), e.getMessage());

            // Loading again reuses the cached copy rather than writing another.
            assertEquals(entry.file(), StyleLibrary.load(dirs, loader).defaultStyle().orElseThrow().file());

            try (NDManager manager = NDManager.newBaseManager()) {
                assertFalse(library.open("Default").newGenerator(manager).getParameters().isEmpty());
            }
        }
    }

    @Test
    void bundledStylesInAFolderAreUsedInPlace() throws Exception {
        Path classes = elsewhere.resolve("classes");
        Path folder = Files.createDirectories(classes.resolve(BundledStyles.FOLDER));
        Files.writeString(folder.resolve("index.txt"), "plain.toon\n");
        StyleWriter.write(StyleFixtures.bundle(new LiteSpec(4, 0, true), "plain", "Plain"), folder.resolve("plain.toon"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            StyleLibrary library = StyleLibrary.load(dirs, loader);
            assertEquals(folder.resolve("plain.toon"), library.find("plain").orElseThrow().file());
            assertTrue(library.defaultStyle().isEmpty());
            assertFalse(Files.exists(dirs.cache()));
        }
    }

    private static void put(JarOutputStream zip, String name, String text) throws Exception {
        put(zip, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(JarOutputStream zip, String name, byte[] data) throws Exception {
        zip.putNextEntry(new JarEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private byte[] toonBytes(StyleBundle bundle) throws Exception {
        return Files.readAllBytes(StyleWriter.write(bundle, elsewhere.resolve("tmp-" + bundle.manifest().id() + ".toon")).file());
    }
}
