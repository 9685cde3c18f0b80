package dev.toonsmith.app.studio.train;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
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
    private final DefaultNumericAxis yAxis;
    private final Map<String, DoubleDataSet> sets = new LinkedHashMap<>();
    private final java.util.Set<String> hidden = new java.util.HashSet<>();

    MetricChart(String yLabel) {
        DefaultNumericAxis xAxis = new DefaultNumericAxis("step");
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
        chart.getPlugins().addAll(zoomer, new HoverReadout());
        ErrorDataSetRenderer renderer = (ErrorDataSetRenderer) chart.getRenderers().get(0);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        // The data arrive decimated already; a second, pixel-based reduction would only cost time.
        renderer.setPointReduction(false);
        getStyleClass().add("metric-chart");
        getChildren().add(chart);
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
     * ChartFX's data point tooltip, reachable: it only answered within 5 px of a point, which a user moving over a
     * line almost never is; and it names the series and the step in words.
     */
    private final class HoverReadout extends DataPointTooltip {
        HoverReadout() {
            super(PICKING_DISTANCE);
        }

        @Override
        protected String formatLabel(DataPoint point) {
            return String.format(java.util.Locale.ROOT, "%s%nstep %.0f: %.4g", point.label, point.x, point.y);
        }

        @Override
        protected java.util.stream.Stream<DataPoint> getPointsCloseToCursor(io.fair_acc.dataset.DataSet data,
                io.fair_acc.chartfx.renderer.Renderer renderer, javafx.geometry.Point2D mouse) {
            // A series switched off is not drawn, so it has no read-out either.
            return hidden.contains(data.getName()) ? java.util.stream.Stream.empty()
                    : super.getPointsCloseToCursor(data, renderer, mouse);
        }

        @Override
        protected String getDataLabelSafe(io.fair_acc.dataset.DataSet data, int index) {
            return data.getName();
        }
    }

    /** How near, in pixels, the mouse must be to a point for its read-out. */
    static final double PICKING_DISTANCE = 24;

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

    XYChart chart() {
        return chart;
    }
}
