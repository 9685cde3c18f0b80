package dev.toonsmith.app.studio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportNamingTest {

    @TempDir
    Path work;

    @Test
    void proposesNameUnderscoreStyleNextToThePhoto() {
        assertEquals(Path.of("/photos/cat_comic-ink.webp"),
                ExportNaming.propose(Path.of("/photos/cat.jpg"), "Comic ink", ExportFormat.WEBP));
        assertEquals(Path.of("/photos/Grace_flat-paint-experiment.png"),
                ExportNaming.propose(Path.of("/photos/Grace.JPG"), "Flat paint (experiment)", ExportFormat.PNG));
        assertEquals(Path.of("/photos/cafe_crème-brûlée.jpg").getFileName().toString().length(),
                Path.of("/photos/cafe_creme-brulee.jpg").getFileName().toString().length());
        assertEquals(Path.of("/photos/cafe_creme-brulee.jpg"),
                ExportNaming.propose(Path.of("/photos/cafe.png"), "Crème Brûlée", ExportFormat.JPEG));
    }

    @Test
    void neverProposesThePhotoItself() {
        Path photo = Path.of("/photos/cat_poster.png");
        Path proposal = ExportNaming.propose(photo, "Poster", ExportFormat.PNG);
        assertNotEquals(photo, proposal);
        assertEquals(Path.of("/photos/cat_poster_poster.png"), proposal);
        Path self = Path.of("/photos/cat.png");
        assertNotEquals(self, ExportNaming.propose(self, "", ExportFormat.PNG));
    }

    @Test
    void theChosenFormatFixesTheExtension() {
        assertEquals(Path.of("/a/b.webp"), ExportNaming.withExtension(Path.of("/a/b.png"), ExportFormat.WEBP));
        assertEquals(Path.of("/a/b.jpeg"), ExportNaming.withExtension(Path.of("/a/b.jpeg"), ExportFormat.JPEG));
        assertEquals(Path.of("/a/b.png"), ExportNaming.withExtension(Path.of("/a/b"), ExportFormat.PNG));
    }

    @Test
    void aPhotoInAFolderThatCannotBeWrittenIsExportedToTheLastExportFolderThenPicturesThenHome() throws Exception {
        // An installed copy's sample photo: the folder is there, the user may not write it.
        Path samples = Files.createDirectories(work.resolve("opt/toonsmith/samples"));
        Path photo = Files.createFile(samples.resolve("grace-hopper.jpg"));
        Path home = Files.createDirectories(work.resolve("home/ada"));
        Path pictures = Files.createDirectories(home.resolve("Pictures"));
        Path lastExport = Files.createDirectories(home.resolve("exports"));
        Predicate<Path> writable = folder -> !folder.startsWith(work.resolve("opt"));

        assertEquals(lastExport, ExportNaming.folder(photo, lastExport, pictures, home, writable));
        assertEquals(pictures, ExportNaming.folder(photo, null, pictures, home, writable),
                "before the first export: the Pictures folder");
        assertEquals(home, ExportNaming.folder(photo, null, home.resolve("Bilder"), home, writable),
                "a Pictures folder that does not exist is passed over");
        assertEquals(pictures.resolve("grace-hopper_clean-cel.png"), ExportNaming.propose(photo, "Clean cel",
                ExportFormat.PNG, ExportNaming.folder(photo, null, pictures, home, writable)));

        Path ownPhoto = Files.createFile(Files.createDirectories(home.resolve("holiday")).resolve("beach.jpg"));
        assertEquals(home.resolve("holiday"), ExportNaming.folder(ownPhoto, lastExport, pictures, home, writable),
                "a photo in a folder the user may write exports beside itself");
    }

    @Test
    void aFolderMadeReadOnlyIsPassedOver() throws Exception {
        // The real permission check; root may write anywhere, so this only means something for a user.
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may write a read-only folder");
        Path readOnly = Files.createDirectories(work.resolve("read-only"));
        Path photo = Files.createFile(readOnly.resolve("cat.jpg"));
        Path pictures = Files.createDirectories(work.resolve("Pictures"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertEquals(pictures, ExportNaming.folder(photo, null, pictures, work, Files::isWritable));
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void thePicturesFolderIsTheOneTheDesktopNames() throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        assertEquals(home.resolve("Pictures"), PicturesFolder.of(home, Map.of()), "without user-dirs.dirs");
        Path config = Files.createDirectories(home.resolve(".config"));
        Files.writeString(config.resolve("user-dirs.dirs"), "# written by xdg-user-dirs-update\n"
                + "XDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\nXDG_PICTURES_DIR=\"$HOME/Bilder\"\n");
        assertEquals(home.resolve("Bilder"), PicturesFolder.of(home, Map.of()));
        Path elsewhere = Files.createDirectories(work.resolve("xdg"));
        Files.writeString(elsewhere.resolve("user-dirs.dirs"), "XDG_PICTURES_DIR=\"$HOME/\"\n");
        assertEquals(home.resolve("Pictures"), PicturesFolder.of(home, Map.of("XDG_CONFIG_HOME", elsewhere.toString())),
                "an entry that points at home itself means no Pictures folder");
    }
}
