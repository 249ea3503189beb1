package dev.credrift.app.sandbox.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Detection and heal time against N (worlds without unrelated pods), as a PNG. */
final class BenchPlot {

    private BenchPlot() {}

    /** Writes the plot to {@code file} (a {@code .png}); worlds with unrelated pods are left out. */
    static Path write(List<ScenarioResult> results, Path file, String subtitle) {
        List<ScenarioResult> sweep = results.stream()
                .filter(r -> r.unrelatedPods() == 0)
                .sorted(Comparator.comparingInt(ScenarioResult::bindings))
                .toList();
        XYChart chart = new XYChartBuilder()
                .width(960)
                .height(560)
                .title("credrift: N bindings rotated at once (" + subtitle + ")")
                .xAxisTitle("bindings N (log scale)")
                .yAxisTitle("seconds after the rotation")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(8);
        series(chart, "drift detected p50", sweep, r -> r.detection().p50());
        series(chart, "drift detected p99", sweep, r -> r.detection().p99());
        series(chart, "healed p50", sweep, r -> r.heal().p50());
        series(chart, "healed p99", sweep, r -> r.heal().p99());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plot " + file, e);
        }
        return file;
    }

    private static void series(
            XYChart chart, String name, List<ScenarioResult> sweep, ToLongFunction<ScenarioResult> millis) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (ScenarioResult r : sweep) {
            long value = millis.applyAsLong(r);
            if (value >= 0) {
                xs.add((double) r.bindings());
                ys.add(value / 1000.0);
            }
        }
        if (!xs.isEmpty()) {
            chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.CIRCLE);
        }
    }
}
