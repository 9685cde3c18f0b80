package dev.toonsmith.app.studio.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * One sample grid as its pairs, each photo above the generator's picture of it, laid out to fill the space given
 * ({@link TileLayout}): wide panels get one row, tall ones wrap. A click on a pair asks for it enlarged.
 */
final class SampleTiles extends Region {

    private static final double GAP = 6;

    private final List<ImageView[]> pairs = new ArrayList<>();
    private final IntConsumer onOpen;
    private Image grid;

    /** @param onOpen told the index of a pair the user clicked */
    SampleTiles(IntConsumer onOpen) {
        this.onOpen = onOpen;
        getStyleClass().add("sample-tiles");
        setMinSize(0, 0);
    }

    /** Shows a grid once it has loaded (JavaFX's background loader decodes it); null shows nothing. */
    void setGrid(Image image) {
        grid = image;
        pairs.clear();
        getChildren().clear();
        if (image == null) {
            return;
        }
        if (image.getProgress() >= 1) {
            build(image);
        } else {
            image.progressProperty().addListener((obs, was, now) -> {
                if (now.doubleValue() >= 1 && grid == image) {
                    build(image);
                }
            });
        }
    }

    Image grid() {
        return grid;
    }

    /** Pairs in the grid: its width over its pictures' edge (half its height). */
    static int pairCount(double width, double height) {
        double edge = height / 2;
        return edge < 1 ? 0 : (int) Math.round(width / edge);
    }

    private void build(Image image) {
        if (image.isError()) {
            return;
        }
        double edge = image.getHeight() / 2;
        int n = pairCount(image.getWidth(), image.getHeight());
        for (int i = 0; i < n; i++) {
            ImageView photo = view(image, new Rectangle2D(i * edge, 0, edge, edge));
            ImageView drawn = view(image, new Rectangle2D(i * edge, edge, edge, edge));
            int index = i;
            for (ImageView v : List.of(photo, drawn)) {
                v.setOnMouseClicked(e -> onOpen.accept(index));
                v.setId("sample-tile-" + i + (v == photo ? "-photo" : ""));
            }
            pairs.add(new ImageView[] {photo, drawn});
            getChildren().addAll(photo, drawn);
        }
        requestLayout();
    }

    private static ImageView view(Image image, Rectangle2D viewport) {
        ImageView v = new ImageView(image);
        v.setViewport(viewport);
        v.setPreserveRatio(true);
        // Small crops scaled up: blocky pixels show what the generator drew, smoothing would blur it.
        v.setSmooth(false);
        v.getStyleClass().add("sample-tile");
        return v;
    }

    @Override
    protected void layoutChildren() {
        if (pairs.isEmpty()) {
            return;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        int columns = TileLayout.columns(pairs.size(), w, h, GAP);
        double edge = Math.floor(TileLayout.edge(pairs.size(), columns, w, h, GAP));
        for (int i = 0; i < pairs.size(); i++) {
            double x = snappedLeftInset() + (i % columns) * (edge + GAP);
            double y = snappedTopInset() + (i / columns) * 2 * (edge + GAP);
            ImageView[] pair = pairs.get(i);
            pair[0].setFitWidth(edge);
            pair[1].setFitWidth(edge);
            pair[0].relocate(x, y);
            pair[1].relocate(x, y + edge + GAP);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 240;
    }

    /** The drawn pictures' edge on screen, for tests. */
    double tileEdge() {
        return pairs.isEmpty() ? 0 : pairs.get(0)[1].getFitWidth();
    }
}
