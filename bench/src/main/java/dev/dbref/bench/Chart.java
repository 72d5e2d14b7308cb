package dev.dbref.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * bench/results/latest.svg: requests per second per scenario, PostgreSQL and SQLite side by side,
 * with PostgreSQL's own ceiling (pgbench of the same statements) as a line over the scenarios that
 * have one. Plain SVG text: no library, readable without a legend hunt (every bar is labelled).
 */
final class Chart {
    /** The ceiling that belongs to a scenario, where pgbench runs the same statements. */
    private static Optional<Double> ceilingOf(String scenario, Ceiling ceiling) {
        return Optional.ofNullable(switch (scenario) {
            case "get_product" -> ceiling.selectTps();
            case "post_product" -> ceiling.insertTps();
            case "patch_product" -> ceiling.patchTps();
            case "list_products" -> ceiling.listTps();
            case "cursor_first_page", "cursor_page_90pct" -> ceiling.cursorTps();
            default -> null;
        });
    }

    static String svg(ServiceRun postgres, ServiceRun sqlite, Ceiling ceiling) {
        Map<String, Scenario> pg = postgres.scenarios();
        Map<String, Scenario> lite = sqlite.scenarios();
        List<String> names = new ArrayList<>(pg.keySet());
        double max = 0;
        for (String name : names) {
            max = Math.max(max, Math.max(value(pg, name), value(lite, name)));
            max = Math.max(max, ceilingOf(name, ceiling).orElse(0.0));
        }
        int rowHeight = 46;
        int left = 190;
        int width = 900;
        int height = 70 + names.size() * rowHeight;
        double scale = (width - left - 120) / max;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Requests per second by scenario "
                + "(higher is better)</text>\n");
        svg.append("<text x=\"10\" y=\"40\"><tspan fill=\"#1f77b4\">■ PostgreSQL</tspan>   <tspan fill=\"#ff7f0e\">■ SQLite"
                + "</tspan>   <tspan fill=\"#d62728\">| PostgreSQL's own ceiling (pgbench, same statements)</tspan></text>\n");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int y = 60 + i * rowHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 8, y + 22, name));
            bar(svg, left, y + 4, value(pg, name) * scale, "#1f77b4", value(pg, name));
            bar(svg, left, y + 22, value(lite, name) * scale, "#ff7f0e", value(lite, name));
            Optional<Double> top = ceilingOf(name, ceiling);
            if (top.isPresent()) {
                double c = top.get();
                double x = left + c * scale;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" "
                        + "stroke-width=\"2\"/><text x=\"%.1f\" y=\"%d\" fill=\"#d62728\" font-size=\"10\">%.0f</text>%n",
                        x, y + 2, x, y + 40, x + 3, y + 10, c));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** Requests per second against table size (log scale), one line per scenario and database. */
    static String curve(Map<String, List<CurvePoint>> curve) {
        String[] scenarios = {"get_product", "cursor_first_page", "cursor_page_90pct", "offset_page_exact_total", "post_product"};
        String[] colours = {"#1f77b4", "#2ca02c", "#17becf", "#d62728", "#9467bd"};
        double max = 1;
        for (List<CurvePoint> points : curve.values()) {
            for (CurvePoint p : points) {
                for (Scenario s : p.scenarios().values()) {
                    max = Math.max(max, s.rps());
                }
            }
        }
        int width = 900;
        int plotTop = 60;
        int plotHeight = 330;
        int left = 70;
        int right = 250;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, plotTop + plotHeight + 50));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Requests per second as the table grows"
                + " (solid: PostgreSQL, dashed: SQLite)</text>\n");
        double sizes = Bench.CURVE_ROWS.length - 1;
        for (int i = 0; i < Bench.CURVE_ROWS.length; i++) {
            double x = left + i / sizes * (width - left - right);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d rows</text>%n",
                    x, plotTop + plotHeight + 20, Bench.CURVE_ROWS[i]));
        }
        for (int k = 0; k <= 4; k++) {
            double value = max * k / 4;
            double y = plotTop + plotHeight - plotHeight * k / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n", left, y, width - right, y, left - 5, y + 4, value));
        }
        int legend = 0;
        for (var entry : curve.entrySet()) {
            boolean dashed = !entry.getKey().equals("postgresql");
            for (int s = 0; s < scenarios.length; s++) {
                StringBuilder points = new StringBuilder();
                List<CurvePoint> line = entry.getValue();
                for (int i = 0; i < line.size(); i++) {
                    double x = left + i / sizes * (width - left - right);
                    double y = plotTop + plotHeight - plotHeight * line.get(i).scenarios().get(scenarios[s]).rps() / max;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
                svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                        points.toString().strip(), colours[s], dashed ? " stroke-dasharray=\"6,4\"" : ""));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s %s</text>%n",
                        width - right + 10, plotTop + 12 + 16 * legend++, colours[s], entry.getKey(), scenarios[s]));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder svg, int x, int y, double length, String colour, double value) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>"
                + "<text x=\"%.1f\" y=\"%d\">%.0f</text>%n", x, y, Math.max(1, length), colour, x + length + 4, y + 12, value));
    }

    private static double value(Map<String, Scenario> scenarios, String name) {
        Scenario s = scenarios.get(name);
        return s == null ? 0 : s.rps();
    }
}
