package dev.cooper.bench.flow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Writes the flow's results: a table on the terminal, and flow.csv, flow.md and flow.png. */
final class FlowReport {
    private static final String[] HEADER = {
        "target", "shape", "P", "C", "messages", "msgs/s", "p50 us", "p99 us", "p99.9 us", "guarantees"
    };

    private final List<FlowResult> results;

    FlowReport(List<FlowResult> results) {
        this.results = List.copyOf(results);
    }

    void printTable(PrintStream out) {
        List<String[]> rows = rows();
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 2 && i <= 8;
                String cell = numeric ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false);
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                out.println("-".repeat(line.toString().stripTrailing().length()));
            }
        }
    }

    void writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("target,shape,producers,consumers,messages,seconds,messages_per_second,"
                + "p50_ns,p99_ns,p999_ns,checks,violations");
        for (FlowResult r : results) {
            lines.add(String.join(",", r.target(), quote(r.shape()), "" + r.producers(), "" + r.consumers(),
                    "" + r.messages(), String.format(Locale.ROOT, "%.3f", r.seconds()),
                    String.format(Locale.ROOT, "%.0f", r.messagesPerSecond()),
                    "" + r.p50Nanos(), "" + r.p99Nanos(), "" + r.p999Nanos(), quote(r.checks()),
                    "" + r.violations()));
        }
        Files.write(file, lines);
    }

    void writeMarkdown(Path file, String machine) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# cooper flow results");
        lines.add("");
        lines.add(machine);
        lines.add("");
        List<String[]> rows = rows();
        lines.add("| " + String.join(" | ", rows.get(0)) + " |");
        lines.add("|---|---|--:|--:|--:|--:|--:|--:|--:|---|");
        for (String[] row : rows.subList(1, rows.size())) {
            // A '|' in a cell (a violation's text) would end the cell.
            lines.add("| " + String.join(" | ", java.util.Arrays.stream(row).map(c -> c.replace("|", "\\|")).toList()) + " |");
        }
        lines.add("");
        lines.add("![messages per second by target](flow.png)");
        Files.write(file, lines);
    }

    void writeChart(Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(500)
                .title("cooper flow: messages per second (higher is better)")
                .xAxisTitle("target").yAxisTitle("million messages / s").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(35);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (FlowResult r : results) {
            names.add(r.target());
            values.add(Math.round(r.messagesPerSecond() / 10_000.0) / 100.0);
        }
        chart.addSeries("msgs/s", names, values);
        String path = file.toString();
        String base = path.endsWith(".png") ? path.substring(0, path.length() - 4) : path;
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    }

    private List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (FlowResult r : results) {
            rows.add(new String[] {
                r.target(), r.shape(), "" + r.producers(), "" + r.consumers(),
                String.format(Locale.ROOT, "%,d", r.messages()),
                String.format(Locale.ROOT, "%,.0f", r.messagesPerSecond()),
                micros(r.p50Nanos()), micros(r.p99Nanos()), micros(r.p999Nanos()),
                r.passed() ? r.checks() + ": ok"
                        : r.violations() + (r.violations() == 1 ? " violation: " : " violations: ") + r.firstViolation()
            });
        }
        return rows;
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
