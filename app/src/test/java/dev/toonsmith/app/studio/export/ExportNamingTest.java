package dev.toonsmith.app.studio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExportNamingTest {

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
}
