package dev.toonsmith.app.studio.train;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.layout.StackPane;

/**
 * A ChartFX line chart of step-indexed series, each in its own colour by name ({@link SeriesColours}), the same in
 * every run and launch: zoom by dragging in the plot (a right click goes back), a read-out of the nearest point on
 * hover, an optional log scale. It draws what it is given; decimation and smoothing happen before, in
 * {@link MetricSeries#view}.
 */
final class MetricChart extends StackPane {

    private final XYChart chart;
    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis yAxis;
    private final Map<String, DoubleDataSet> sets = new LinkedHashMap<>();
    private final java.util.Set<String> hidden = new java.util.HashSet<>();
    private final javafx.scene.control.Label readout = new javafx.scene.control.Label();

    MetricChart(String yLabel) {
        xAxis = new DefaultNumericAxis("step");
        yAxis = new DefaultNumericAxis(yLabel);
        // Steps and losses have no unit; without this ChartFX labels them "step []".
        xAxis.setUnit(null);
        yAxis.setUnit(null);
        xAxis.setAutoRangeRounding(false);
        yAxis.setForceZeroInRange(false);
        yAxis.setAutoRangePadding(0.05);
        chart = new XYChart(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        Zoomer zoomer = new Zoomer();
        // The zoomer's range slider appears when the mouse nears the x axis and stayed over the plot as a thick
        // bar with handles; dragging in the plot zooms just as well.
        zoomer.setSliderVisible(false);
        chart.getPlugins().add(zoomer);
        ErrorDataSetRenderer renderer = (ErrorDataSetRenderer) chart.getRenderers().get(0);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        // The data arrive decimated already; a second, pixel-based reduction would only cost time.
        renderer.setPointReduction(false);
        getStyleClass().add("metric-chart");
        readout.getStyleClass().add("chart-readout");
        readout.setManaged(false);
        readout.setVisible(false);
        readout.setMouseTransparent(true);
        getChildren().addAll(chart, readout);
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, this::showReadout);
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> readout.setVisible(false));
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> readout.setVisible(false));
    }

    /** Sets a series' points, creating it the first time. */
    void set(String name, SeriesDecimator.Points points, boolean visible) {
        DoubleDataSet set = sets.get(name);
        if (set == null) {
            set = new DoubleDataSet(name);
            sets.put(name, set);
            chart.getDatasets().add(set);
        }
        set.set(points.x(), points.y(), points.size(), true);
        if (visible) {
            hidden.remove(name);
        } else {
            hidden.add(name);
        }
        String style = style(name, visible);
        if (!style.equals(set.getStyle())) {
            set.setStyle(style);
        }
    }

    static String style(String name, boolean visible) {
        String colour = SeriesColours.of(name);
        return DataSetStyleBuilder.newInstance().setDatasetColor(colour).setLineColor(colour).setMarkerColor(colour)
                .setVisible(visible).setLineWidth(1.6).build();
    }

    /**
     * The hover read-out: at the step under the mouse, each shown series' value there, in its own line, beside the
     * mouse. (ChartFX's data point tooltip answered only within a few pixels of a drawn point, which a user moving
     * over a line almost never is.) An event filter, so that the zoomer's handlers cannot keep it from seeing moves.
     */
    private void showReadout(javafx.scene.input.MouseEvent e) {
        javafx.geometry.Point2D inCanvas = chart.getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
        if (inCanvas == null || !chart.getCanvas().getLayoutBounds().contains(inCanvas)) {
            readout.setVisible(false);
            return;
        }
        double step = xAxis.getValueForDisplay(inCanvas.getX());
        StringBuilder text = new StringBuilder();
        double shownStep = Double.NaN;
        for (DoubleDataSet set : sets.values()) {
            int i = hidden.contains(set.getName()) ? -1 : nearest(set, step);
            if (i < 0 || !Double.isFinite(set.get(1, i))) {
                continue;
            }
            if (Double.isNaN(shownStep)) {
                shownStep = set.get(0, i);
                text.append(String.format(java.util.Locale.ROOT, "step %.0f", shownStep));
            }
            text.append(String.format(java.util.Locale.ROOT, "%n%s  %.4g", set.getName(), set.get(1, i)));
        }
        if (Double.isNaN(shownStep)) {
            readout.setVisible(false);
            return;
        }
        readout.setText(text.toString());
        readout.autosize();
        javafx.geometry.Point2D here = sceneToLocal(e.getSceneX(), e.getSceneY());
        // Beside the mouse, on the side with room.
        double x = here.getX() + 14 + readout.getWidth() > getWidth() ? here.getX() - 14 - readout.getWidth()
                : here.getX() + 14;
        double y = Math.min(Math.max(0, here.getY() - readout.getHeight() / 2), getHeight() - readout.getHeight());
        readout.relocate(x, y);
        readout.setVisible(true);
    }

    /** The index of the point whose step is nearest {@code step}; -1 when the set is empty. Steps are sorted. */
    private static int nearest(DoubleDataSet set, double step) {
        int n = set.getDataCount();
        if (n == 0) {
            return -1;
        }
        int low = 0;
        int high = n - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (set.get(0, mid) < step) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low > 0 && Math.abs(set.get(0, low - 1) - step) <= Math.abs(set.get(0, low) - step) ? low - 1 : low;
    }

    /** The read-out's text while it shows, for tests; empty otherwise. */
    String readoutText() {
        return readout.isVisible() ? readout.getText() : "";
    }

    void setLogScale(boolean log) {
        if (yAxis.isLogAxis() != log) {
            yAxis.setLogAxis(log);
            yAxis.forceRedraw();
        }
    }

    /** Points drawn in all, for tests. */
    int pointCount() {
        return sets.values().stream().mapToInt(DoubleDataSet::getDataCount).sum();
    }

    /**
     * A drawn point, for tests that hover it: the middle point of the first series shown, its name and where it lies
     * on the screen; null when nothing is drawn.
     */
    java.util.Map.Entry<String, javafx.geometry.Point2D> shownPoint() {
        for (DoubleDataSet set : sets.values()) {
            if (hidden.contains(set.getName())) {
                continue;
            }
            for (int i = set.getDataCount() / 2; i < set.getDataCount(); i++) {
                double x = xAxis.getDisplayPosition(set.get(0, i));
                double y = yAxis.getDisplayPosition(set.get(1, i));
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    return java.util.Map.entry(set.getName(), chart.getCanvas().localToScreen(x, y));
                }
            }
        }
        return null;
    }

    XYChart chart() {
        return chart;
    }
}
