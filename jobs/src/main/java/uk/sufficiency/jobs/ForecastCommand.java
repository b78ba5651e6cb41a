package uk.sufficiency.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.Warehouse;
import uk.sufficiency.warehouse.forecast.ForecastPublisher.Baseline;
import uk.sufficiency.warehouse.forecast.ForecastSettings;
import uk.sufficiency.warehouse.forecast.PlacementGroup;
import uk.sufficiency.warehouse.forecast.Projection;
import uk.sufficiency.warehouse.forecast.Scenario;
import uk.sufficiency.warehouse.forecast.ScenarioStore;

/**
 * {@code ./sufficiency forecast --warehouse DIR [--la LA] [--scenario FILE]}: the published base
 * projection (children by placement group at each 31 March, spend by financial year) and the
 * backtest summary, the numbers the Forecast page shows; with a scenario file, the scenario
 * projected now from the same fitted rates, seed and settings, beside the base.
 */
final class ForecastCommand {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ForecastCommand() {
    }

    static int run(Args args, PrintStream out) {
        Path warehouseDir = args.path("warehouse");
        String scenarioFile = args.get("scenario", null);
        Scenario scenario = scenarioFile == null ? null : ScenarioStore.read(Path.of(scenarioFile));
        try (Warehouse warehouse = Warehouse.openCurrent(warehouseDir)) {
            List<Map<String, Object>> bases = warehouse.query("""
                    SELECT la, start_date, reference_from, reference_to, runs, seed, fee_inflation FROM forecast_settings
                    WHERE scenario = 'base' AND (? IS NULL OR la = ?) ORDER BY la""", args.get("la", null),
                    args.get("la", null));
            if (bases.isEmpty()) {
                throw new IllegalStateException("The current snapshot has no forecast"
                        + (args.get("la", null) == null ? "" : " for " + args.get("la", null))
                        + ": run the pipeline again ('./sufficiency run') to make one.");
            }
            ForecastSettings settings = ForecastSettings.load(warehouseDir);
            for (Map<String, Object> base : bases) {
                String la = (String) base.get("la");
                out.printf("Forecast for %s from %s: rates fitted on %s to %s, %s simulated runs (seed %s), fees rising"
                                + " %.1f%% a year%n%n", la, dmy(base.get("start_date")), dmy(base.get("reference_from")),
                        dmy(base.get("reference_to")), base.get("runs"), base.get("seed"),
                        100 * ((Number) base.get("fee_inflation")).doubleValue());
                printChildren(warehouse, la, out);
                printSpend(warehouse, la, out);
                printBacktest(warehouse, la, out);
                if (scenario != null && scenario.appliesTo(la)) {
                    printScenario(warehouse, la, scenario, settings, out);
                } else if (scenario != null) {
                    out.printf("Scenario '%s' is for %s, so it is not projected for %s.%n%n", scenario.name(),
                            scenario.la(), la);
                }
            }
        }
        return 0;
    }

    private static void printChildren(Warehouse warehouse, String la, PrintStream out) {
        out.println("Children looked after at 31 March: median [5% to 95%]");
        List<Map<String, Object>> rows = warehouse.query("""
                SELECT placement_group, date, p05, p50, p95 FROM forecast_group
                WHERE scenario = 'base' AND la = ? AND month(date) = 3 AND day(date) = 31 ORDER BY date""", la);
        List<Object> dates = rows.stream().map(r -> r.get("date")).distinct().toList();
        out.print(pad("", 28));
        dates.forEach(d -> out.print(pad(dmy(d), 20)));
        out.println();
        for (String group : groups()) {
            out.print(pad(label(group), 28));
            rows.stream().filter(r -> r.get("placement_group").equals(group)).forEach(r -> out.print(pad(
                    String.format("%.0f [%.0f-%.0f]", num(r, "p50"), num(r, "p05"), num(r, "p95")), 20)));
            out.println();
        }
        out.println();
    }

    private static void printSpend(Warehouse warehouse, String la, PrintStream out) {
        out.println("Spend by financial year (median, £), at actual average weekly fees");
        List<Map<String, Object>> rows = warehouse.query("""
                SELECT placement_group, year, weekly_fee, cost_p50 FROM forecast_cost_year
                WHERE scenario = 'base' AND la = ? AND cost_p50 IS NOT NULL ORDER BY year""", la);
        List<Object> years = rows.stream().map(r -> r.get("year")).distinct().toList();
        out.print(pad("", 28) + pad("weekly fee", 12));
        years.forEach(y -> out.print(pad(yearLabel(((Number) y).intValue()), 16)));
        out.println();
        for (String group : groups()) {
            List<Map<String, Object>> of = rows.stream().filter(r -> r.get("placement_group").equals(group)).toList();
            if (of.isEmpty()) {
                continue;
            }
            Object fee = of.get(0).get("weekly_fee");
            out.print(pad(label(group), 28) + pad(fee == null ? "" : String.format("%,.0f", num(of.get(0), "weekly_fee")), 12));
            of.forEach(r -> out.print(pad(String.format("%,.0f", num(r, "cost_p50")), 16)));
            out.println();
        }
        out.println();
    }

    private static void printBacktest(Warehouse warehouse, String la, PrintStream out) {
        List<Map<String, Object>> rows = warehouse.query("""
                SELECT horizon_months, placement_group, origins, mape, last_value_mape, trend_mape, inside_50, inside_90,
                       best
                FROM forecast_accuracy WHERE la = ? ORDER BY horizon_months""", la);
        List<String> order = groups();
        rows = rows.stream().sorted(Comparator.comparing(r -> order.indexOf((String) r.get("placement_group"))))
                .toList();
        if (rows.isEmpty()) {
            out.println("Backtest: the data window is too short for a rolling-origin backtest.");
            out.println();
            return;
        }
        out.println("Backtest: mean absolute % error of the median against what happened, and the naive forecasts'");
        out.println(pad("", 28) + pad("months", 8) + pad("origins", 9) + pad("model", 8) + pad("last", 8)
                + pad("trend", 8) + pad("in 50%", 8) + pad("in 90%", 8) + "best");
        for (Map<String, Object> r : rows) {
            out.println(pad(label((String) r.get("placement_group")), 28) + pad(r.get("horizon_months"), 8)
                    + pad(r.get("origins"), 9) + pad(r.get("mape"), 8) + pad(r.get("last_value_mape"), 8)
                    + pad(r.get("trend_mape"), 8) + pad(r.get("inside_50"), 8) + pad(r.get("inside_90"), 8)
                    + r.get("best"));
        }
        out.println();
    }

    /** The scenario projected now, from the same rates, stock, fees, seed and settings as the published base. */
    private static void printScenario(Warehouse warehouse, String la, Scenario scenario, ForecastSettings settings,
                                      PrintStream out) {
        Baseline baseline = Baseline.of(warehouse, la, settings);
        Projection base = baseline.project(Scenario.BASE, settings);
        Projection changed = baseline.project(scenario, settings);
        // Expected paths, not medians: the difference then holds no simulation noise.
        out.printf("Scenario '%s'%s: expected children at 31 March, base -> scenario (difference)%n", scenario.name(),
                scenario.description() == null ? "" : " (" + scenario.description() + ")");
        List<Integer> marches = new ArrayList<>();
        for (int d = 0; d < base.dates().size(); d++) {
            if (base.dates().get(d).getMonthValue() == 3) {
                marches.add(d);
            }
        }
        out.print(pad("", 28));
        marches.forEach(d -> out.print(pad(DMY.format(base.dates().get(d)), 20)));
        out.println();
        for (int g = 0; g <= Projection.ALL; g++) {
            out.print(pad(label(g == Projection.ALL ? "all" : PlacementGroup.values()[g].id()), 28));
            for (int d : marches) {
                long before = Math.round(base.groupExpected(d, g));
                long after = Math.round(changed.groupExpected(d, g));
                out.print(pad(String.format("%d -> %d (%+d)", before, after, after - before), 20));
            }
            out.println();
        }
        out.println();
        out.println("Spend by financial year along the expected paths (£): base -> scenario (difference)");
        for (int y = 0; y < base.years().size(); y++) {
            long before = Math.round(base.costExpected(y, Projection.ALL));
            long after = Math.round(changed.costExpected(y, Projection.ALL));
            out.printf("  %s  %,d -> %,d (%+,d)%n", yearLabel(base.years().get(y)), before, after, after - before);
        }
        out.println();
    }

    private static List<String> groups() {
        List<String> groups = new ArrayList<>();
        for (PlacementGroup group : PlacementGroup.values()) {
            groups.add(group.id());
        }
        groups.add("all");
        return groups;
    }

    private static String label(String group) {
        return group.equals("all") ? "All placements" : PlacementGroup.ofId(group).label();
    }

    private static String yearLabel(int year) {
        return (year - 1) + "-" + String.format("%02d", year % 100);
    }

    private static double num(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    private static String dmy(Object date) {
        return DMY.format(date instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(date.toString()));
    }

    private static String pad(Object text, int width) {
        String s = text == null ? "" : text.toString();
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
