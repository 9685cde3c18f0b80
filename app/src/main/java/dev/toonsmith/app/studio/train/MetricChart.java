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
 * A ChartFX line chart of step-indexed series, each with a fixed colour so that hiding one does not repaint the
 * others: zoom by dragging (a right click goes back), a read-out of the nearest point on hover, an optional log
 * scale. It draws what it is given; decimation and smoothing happen before, in {@link MetricSeries#view}.
 */
final class MetricChart extends StackPane {

    private final XYChart chart;
    private final DefaultNumericAxis yAxis;
    private final Map<String, DoubleDataSet> sets = new LinkedHashMap<>();

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
        chart.getPlugins().addAll(new Zoomer(), new DataPointTooltip());
        ErrorDataSetRenderer renderer = (ErrorDataSetRenderer) chart.getRenderers().get(0);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        // The data arrive decimated already; a second, pixel-based reduction would only cost time.
        renderer.setPointReduction(false);
        getStyleClass().add("metric-chart");
        getChildren().add(chart);
    }

    /** Sets a series' points, creating it with the next colour the first time. */
    void set(String name, SeriesDecimator.Points points, boolean visible) {
        DoubleDataSet set = sets.get(name);
        if (set == null) {
            set = new DoubleDataSet(name);
            set.setStyle(style(sets.size(), visible));
            sets.put(name, set);
            chart.getDatasets().add(set);
        }
        set.set(points.x(), points.y(), points.size(), true);
        String style = style(indexOf(name), visible);
        if (!style.equals(set.getStyle())) {
            set.setStyle(style);
        }
    }

    private int indexOf(String name) {
        int i = 0;
        for (String key : sets.keySet()) {
            if (key.equals(name)) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static String style(int colour, boolean visible) {
        return DataSetStyleBuilder.newInstance().setColorIndex(colour).setVisible(visible).setLineWidth(1.6)
                .build();
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

    XYChart chart() {
        return chart;
    }
}
