package dev.toonsmith.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toonsmith.engine.image.OpenCv;
import dev.toonsmith.engine.model.LiteSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * The comparison that tests of two engines, of training against drawing and of tiles against the whole use: it lets
 * a palette's near-tie flip (a pixel two palette colours are almost equally near, which another CPU's last float bit
 * may paint with the other one) and refuses a wrong colour anywhere else.
 */
class PixelAgreementTest {

    private static final int W = 40;
    private static final int H = 30;
    /** Two palette colours, RGB in [-1, 1]: a blue and an orange. */
    private static final float[] PALETTE = {-0.6f, -0.2f, 0.4f, 0.5f, 0.3f, -0.1f};
    /** The column where the drawing is exactly half-way between them. */
    private static final int TIE_COLUMN = 20;
    private static final int REACH = LiteSpec.paletteVoteRounds() * (LiteSpec.paletteVoteRow().length / 2);

    private static float[] drawing;
    private static Mat nearTies;
    private static Mat reference;

    @BeforeAll
    static void drawAndPaint() {
        OpenCv.load();
        // Left of the tie column nearer blue, right of it nearer orange, on it half-way give or take a float bit.
        drawing = new float[3 * W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double t = x < TIE_COLUMN ? 0.2 : x > TIE_COLUMN ? 0.8 : 0.5 + (y % 2 == 0 ? 1e-7 : -1e-7);
                for (int c = 0; c < 3; c++) {
                    drawing[(c * H + y) * W + x] = (float) (PALETTE[c] + t * (PALETTE[3 + c] - PALETTE[c]));
                }
            }
        }
        nearTies = PaletteNearTies.mask(drawing, W, H, PALETTE, PaletteNearTies.MARGIN);
        reference = paint(-1);
    }

    @Test
    void onlyTheHalfWayColumnIsANearTie() {
        assertEquals(H, Core.countNonZero(nearTies));
        for (int y = 0; y < H; y++) {
            assertEquals(255, (int) nearTies.get(y, TIE_COLUMN)[0]);
        }
    }

    @Test
    void aNearTiePaintedWithTheOtherColourIsAccepted() {
        Mat flipped = paint(TIE_COLUMN * 1000 + 7);
        PixelAgreement agreement = PixelAgreement.compare(reference, flipped, nearTies, REACH);
        assertEquals(1, agreement.differing());
        assertEquals(1, agreement.atNearTies());
        assertTrue(agreement.agrees(PixelAgreement.MAX_NEAR_TIE_FRACTION), agreement.toString());
        agreement.assertAgrees("a near-tie flip");
    }

    @Test
    void aFlipCarriedByThePalettesVoteWithinItsReachIsAccepted() {
        Mat voted = reference.clone();
        // Three pixels right of a near-tie: its vote may have carried its colour there.
        voted.put(7, TIE_COLUMN + 3, colourOf(0));
        assertTrue(PixelAgreement.compare(reference, voted, nearTies, REACH).agrees(PixelAgreement.MAX_NEAR_TIE_FRACTION));
    }

    @Test
    void aWrongColourAwayFromAnyNearTieIsRefusedAndLocated() {
        Mat wrong = reference.clone();
        wrong.put(11, 5, colourOf(1));
        PixelAgreement agreement = PixelAgreement.compare(reference, wrong, nearTies, REACH);
        assertEquals(1, agreement.unexplained());
        assertEquals("5,11", agreement.firstUnexplained());
        assertFalse(agreement.agrees(PixelAgreement.MAX_NEAR_TIE_FRACTION));
        AssertionError error = assertThrows(AssertionError.class, () -> agreement.assertAgrees("a wrong colour"));
        assertTrue(error.getMessage().contains("the first at 5,11"), error.getMessage());
        // Just beyond the votes' reach of the tie column is as wrong.
        Mat beyond = reference.clone();
        beyond.put(3, TIE_COLUMN - REACH - 1, colourOf(1));
        assertEquals(1, PixelAgreement.compare(reference, beyond, nearTies, REACH).unexplained());
    }

    @Test
    void oneLevelOfRoundingIsNotADifferenceButTwoAre() {
        Mat rounded = new Mat();
        Core.add(reference, new Scalar(1, 0, 1), rounded);
        assertEquals(0, PixelAgreement.compare(reference, rounded, nearTies, REACH).differing());
        Core.add(reference, new Scalar(0, 2, 0), rounded);
        assertEquals((long) W * H, PixelAgreement.compare(reference, rounded, nearTies, REACH).differing());
    }

    @Test
    void moreNearTieFlipsThanATinyFractionAreRefused() {
        // Every pixel of the tie column flipped: 30 of 1200 pixels, far more than one in a thousand.
        Mat flipped = reference.clone();
        for (int y = 0; y < H; y++) {
            flipped.put(y, TIE_COLUMN, colourOf(reference.get(y, TIE_COLUMN)[0] == colourOf(0)[0] ? 1 : 0));
        }
        PixelAgreement agreement = PixelAgreement.compare(reference, flipped, nearTies, REACH);
        assertEquals(H, agreement.atNearTies());
        assertEquals(0, agreement.unexplained());
        assertFalse(agreement.agrees(PixelAgreement.MAX_NEAR_TIE_FRACTION));
    }

    /** The drawing painted with its nearest colour, 8-bit BGR; the pixel {@code x * 1000 + y} takes the other one. */
    private static Mat paint(int flip) {
        Mat out = new Mat(H, W, CvType.CV_8UC3);
        int plane = W * H;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = y * W + x;
                double d0 = 0;
                double d1 = 0;
                for (int c = 0; c < 3; c++) {
                    d0 += Math.pow(drawing[c * plane + p] - PALETTE[c], 2);
                    d1 += Math.pow(drawing[c * plane + p] - PALETTE[3 + c], 2);
                }
                int chosen = d1 <= d0 ? 1 : 0;
                if (x * 1000 + y == flip) {
                    chosen = 1 - chosen;
                }
                out.put(y, x, colourOf(chosen));
            }
        }
        return out;
    }

    private static double[] colourOf(int colour) {
        double[] bgr = new double[3];
        for (int c = 0; c < 3; c++) {
            bgr[2 - c] = Math.round((PALETTE[3 * colour + c] + 1) * 127.5);
        }
        return bgr;
    }
}
