package dev.toonsmith.app.studio.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewportModelTest {

    @Test
    void fitShowsTheWholeImageAndEnlargesSmallOnesAtMostFourTimes() {
        ViewportModel v = new ViewportModel();
        v.applyFit(800, 600, 4000, 3000, 1);
        assertEquals(0.2, v.zoom(), 1e-9);
        v.applyFit(800, 600, 100, 50, 1);
        assertEquals(4, v.zoom(), 1e-9);
        assertTrue(v.fitProperty().get());
    }

    @Test
    void fitCountsScreenPixelsOnHiDpiScreens() {
        ViewportModel v = new ViewportModel();
        v.applyFit(800, 600, 1600, 1200, 2);
        assertEquals(1, v.zoom(), 1e-9, "800 layout units are 1600 screen pixels at 200 %");
    }

    @Test
    void actualPixelsIsOneSourcePixelPerScreenPixel() {
        ViewportModel v = new ViewportModel();
        v.applyFit(800, 600, 4000, 3000, 1);
        v.actualPixels();
        assertEquals(1, v.zoom());
        assertFalse(v.fitProperty().get());
        v.applyFit(800, 600, 4000, 3000, 1);
        assertEquals(1, v.zoom(), "leaving fit mode keeps the zoom when the window resizes");
    }

    @Test
    void zoomingAtAPointKeepsThatPointWhereItIs() {
        ViewportModel v = new ViewportModel();
        v.actualPixels();
        double anchorX = 0.8;
        double anchorY = 0.3;
        double offsetBefore = (anchorX - v.centerXProperty().get()) * v.zoom();
        double offsetBeforeY = (anchorY - v.centerYProperty().get()) * v.zoom();
        v.zoomBy(2, anchorX, anchorY);
        assertEquals(2, v.zoom(), 1e-9);
        assertEquals(offsetBefore, (anchorX - v.centerXProperty().get()) * v.zoom(), 1e-9);
        assertEquals(offsetBeforeY, (anchorY - v.centerYProperty().get()) * v.zoom(), 1e-9);
    }

    @Test
    void zoomStaysWithinLimitsAndPanWithinTheImage() {
        ViewportModel v = new ViewportModel();
        for (int i = 0; i < 100; i++) {
            v.zoomIn();
        }
        assertEquals(ViewportModel.MAX_ZOOM, v.zoom());
        v.panBy(5, -5);
        assertEquals(1, v.centerXProperty().get());
        assertEquals(0, v.centerYProperty().get());
    }
}
