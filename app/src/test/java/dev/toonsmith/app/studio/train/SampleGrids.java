package dev.toonsmith.app.studio.train;

import dev.toonsmith.app.studio.StudioFixtures;
import dev.toonsmith.app.studio.TrainingFixtures;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;
import javax.imageio.ImageIO;

/**
 * Sample grids as a run writes them (photos above, pictures of them below), made from the repository's sample
 * photos: a steady run's (the photos posterized, as a young cartoon style draws them), one with a purple cast, one
 * whose pictures are all the same.
 */
final class SampleGrids {

    static final int EDGE = 48;

    private SampleGrids() {}

    /** The photos posterized to {@code levels} levels a channel: a run drawing each photo in flat colours. */
    static BufferedImage steady(int levels) throws IOException {
        return grid((photo, x, y) -> posterize(photo.getRGB(x, y), levels));
    }

    /** The steady run's pictures with a purple cast: red and blue up, green down. */
    static BufferedImage purple() throws IOException {
        return grid((photo, x, y) -> {
            int rgb = posterize(photo.getRGB(x, y), 6);
            return rgb(clamp((rgb >> 16 & 0xff) + 50), clamp((rgb >> 8 & 0xff) - 45), clamp((rgb & 0xff) + 60));
        });
    }

    /** Every picture the first photo's: the generator draws one picture whatever it is given. */
    static BufferedImage alike() throws IOException {
        BufferedImage first = photo(TrainingFixtures.PHOTOS.get(0));
        return grid((photo, x, y) -> posterize(first.getRGB(x, y), 6));
    }

    /** Black pictures, as a network whose weights went NaN draws them. */
    static BufferedImage blank() throws IOException {
        return grid((photo, x, y) -> 0);
    }

    static Path write(BufferedImage grid, Path file) throws IOException {
        ImageIO.write(grid, "png", file.toFile());
        return file;
    }

    interface Drawing {
        int pixel(BufferedImage photo, int x, int y);
    }

    private static BufferedImage grid(Drawing drawing) throws IOException {
        int n = TrainingFixtures.PHOTOS.size();
        BufferedImage grid = new BufferedImage(n * EDGE, 2 * EDGE, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n; i++) {
            BufferedImage photo = photo(TrainingFixtures.PHOTOS.get(i));
            for (int y = 0; y < EDGE; y++) {
                for (int x = 0; x < EDGE; x++) {
                    grid.setRGB(i * EDGE + x, y, photo.getRGB(x, y));
                    grid.setRGB(i * EDGE + x, EDGE + y, drawing.pixel(photo, x, y) & 0xffffff);
                }
            }
        }
        return grid;
    }

    /** A sample photo's centre square at {@link #EDGE} px, as the run crops its fixed photos. */
    private static BufferedImage photo(String name) throws IOException {
        BufferedImage full = ImageIO.read(StudioFixtures.sample(name).toFile());
        int side = Math.min(full.getWidth(), full.getHeight());
        BufferedImage square = new BufferedImage(EDGE, EDGE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(full, 0, 0, EDGE, EDGE, (full.getWidth() - side) / 2, (full.getHeight() - side) / 2,
                (full.getWidth() + side) / 2, (full.getHeight() + side) / 2, null);
        g.dispose();
        return square;
    }

    private static int posterize(int rgb, int levels) {
        IntUnaryOperator p = c -> Math.min(255, Math.round(Math.round(c * (levels - 1) / 255f) * 255f / (levels - 1)));
        return rgb(p.applyAsInt(rgb >> 16 & 0xff), p.applyAsInt(rgb >> 8 & 0xff), p.applyAsInt(rgb & 0xff));
    }

    private static int rgb(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    private static int clamp(int c) {
        return Math.max(0, Math.min(255, c));
    }
}
