package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.pipeline.PipelineRun;
import uk.sufficiency.pipeline.Progress;
import uk.sufficiency.pipeline.RunOptions;
import uk.sufficiency.pipeline.SparkSessions;
import uk.sufficiency.warehouse.Suppression;
import uk.sufficiency.warehouse.Viewer;
import uk.sufficiency.warehouse.Warehouse;
import uk.sufficiency.warehouse.figures.Figure;
import uk.sufficiency.warehouse.figures.FigureCatalogue;
import uk.sufficiency.warehouse.figures.FigureColumn;
import uk.sufficiency.warehouse.figures.FigureRequest;
import uk.sufficiency.warehouse.forecast.ForecastSettings;

/**
 * Secondary suppression on a pooled warehouse (issue 11, point 4): the sf-regional sample's three LAs
 * run through the pipeline, every figure of every page read as another LA's reader and for
 * publication, and an attacker who knows every total tries every total-minus-parts difference,
 * within a figure and across the figures of a page, over and over with what each one gives: none may
 * give back a hidden count. The same attacker against the small counts hidden alone (§9 read
 * literally, no secondary suppression) must find some, or the test could not fail.
 *
 * <p>The attacker's equations: along each dimension that adds up (as the catalogue declares it), a
 * group's cells sum to its total, which is the group's "All" row, or the cell of another figure of
 * the page that the test names below, or else taken as known when it is publishable (0 or 5 and
 * more) and the sum of two cells or more (one cell's total is that cell); each "suppressed" row is the sum of its group's hidden cells; and each count that is the
 * sum of others in its row is.
 */
class PooledSuppressionTest {
    private static final List<String> LAS = List.of("Bromley", "Hillingdon", "Southwark");
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);

    /** A figure's group total (along its one additive dimension) that is a cell of another figure on the page. */
    private record TotalElsewhere(String figure, String totalFigure, String column, String where, String value,
                                  String period, String totalPeriod) {
    }

    /** Worked out from the counting rules, not read from the catalogue: which totals a reader of the page sees. */
    private static final List<TotalElsewhere> TOTALS = List.of(
            new TotalElsewhere("cla-month-end", "cla-rate-month-end", "children", null, null, "month_end", "month_end"),
            new TotalElsewhere("cla-legal-status", "cla-rate-month-end", "children", null, null, "month_end", "month_end"),
            new TotalElsewhere("cla-age-band", "cla-rate-month-end", "children", null, null, "month_end", "month_end"),
            new TotalElsewhere("cla-sex", "cla-rate-month-end", "children", null, null, "month_end", "month_end"),
            new TotalElsewhere("section20-age-band", "cla-legal-status", "children", "legal_status", "V2", "month_end",
                    "month_end"),
            new TotalElsewhere("section20-category", "cla-legal-status", "children", "legal_status", "V2", "month_end",
                    "month_end"));

    /** Cells of a figure's dimension (the values given) whose sum a figure of another page shows. */
    private record SubsetTotal(String figure, String dimension, List<String> members, String totalFigure,
                               String column, String period, String totalPeriod) {
    }

    /** The KPI cards' children (kpi_month's stock): sums of placement categories of the children page's figure. */
    private static final List<SubsetTotal> SUBSETS = List.of(
            new SubsetTotal("cla-month-end", "category", List.of("with_parents"), "kpi-with-parents-share", "children",
                    "month_end", "period_end"),
            new SubsetTotal("cla-month-end", "category", List.of("foster_kinship", "foster_inhouse", "foster_ifa",
                    "foster_other"), "kpi-fostering-share", "children", "month_end", "period_end"),
            new SubsetTotal("cla-month-end", "category", List.of("home_inhouse", "home_agency", "home_other"),
                    "kpi-childrens-homes-share", "children", "month_end", "period_end"));

    @TempDir
    static Path temp;
    private static Warehouse warehouse;

    @BeforeAll
    static void pooledWarehouse() {
        Path sample = Path.of(System.getProperty("shared.dir", "../shared"), "data", "ssda903", "sf-regional-sample");
        assumeTrue(Files.isDirectory(sample), sample + " is absent: pooled suppression test skipped");
        var spark = SparkSessions.getOrCreate("local[2]");
        spark.conf().set("spark.sql.shuffle.partitions", "2");
        Path dir = temp.resolve("warehouse");
        try { // fewer simulated runs than the default: the suppression, not the forecast, is under test
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(ForecastSettings.FILE), "{\"runs\": 20, \"backtestRuns\": 20}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PipelineRun.run(spark, new RunOptions(sample, dir, null, null), Progress.SILENT);
        warehouse = Warehouse.openCurrent(dir);
    }

    @AfterAll
    static void close() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    /** The figures a page shows: its charts', and for the KPI page its cards'. */
    private static List<Figure> figures(Page page) {
        Set<String> ids = new LinkedHashSet<>();
        page.charts().forEach(chart -> ids.add(chart.figure().id()));
        if (page == Page.KPIS) {
            FigureCatalogue.KPIS.forEach(kpi -> ids.add("kpi-" + kpi.replace('_', '-')));
            ids.add("kpi-status");
        }
        return ids.stream().map(FigureCatalogue::get).toList();
    }

    /** How a reader sees one figure of one LA: true rows, and the rows shown (without "suppressed" rows) aligned with them. */
    private record Seen(Figure figure, List<Map<String, Object>> truth, List<Map<String, Object>> shown,
                        List<Map<String, Object>> remainders) {
    }

    private static Seen seen(Figure figure, String la, Viewer reader, boolean publication, boolean secondary) {
        List<Map<String, Object>> truth = figure.rows(warehouse, new FigureRequest(la, null, null, Viewer.allLas(), false));
        List<Map<String, Object>> shown = new ArrayList<>();
        List<Map<String, Object>> remainders = new ArrayList<>();
        if (secondary) {
            for (Map<String, Object> row : figure.rows(warehouse, new FigureRequest(la, null, null, reader, publication))) {
                (row.containsValue(Suppression.REMAINDER) ? remainders : shown).add(row);
            }
        } else { // the small counts hidden alone
            for (Map<String, Object> row : truth) {
                Map<String, Object> copy = new LinkedHashMap<>(row);
                counts(figure).forEach(c -> copy.put(c, Suppression.isSmall(row.get(c)) ? Suppression.MARKER : row.get(c)));
                shown.add(copy);
            }
        }
        assertEquals(truth.size(), shown.size(), figure.id() + ": a shown row for each true one");
        return new Seen(figure, truth, shown, remainders);
    }

    private static List<String> counts(Figure figure) {
        return figure.columns().stream().filter(c -> c.role() == FigureColumn.Role.COUNT).map(FigureColumn::name).toList();
    }

    private static List<String> keys(Figure figure) {
        return figure.columns().stream().filter(c -> c.isPeriod() || c.role() == FigureColumn.Role.DIMENSION)
                .map(FigureColumn::name).toList();
    }

    /** Σ coefficient × cell = constant, over cells named "figure|column|row" or a group's unknown total. */
    private record Equation(Map<String, Integer> terms, BigDecimal constant, String why) {
    }

    /** One page, one LA, one reader: the leaks the attacker finds, as readable lines. */
    private static List<String> leaks(String page, List<Figure> figures, String la, Viewer reader, boolean publication,
                                      boolean secondary) {
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (Figure figure : figures) {
            seen.put(figure.id(), seen(figure, la, reader, publication, secondary));
        }
        Map<String, BigDecimal> truth = new HashMap<>();
        Map<String, BigDecimal> known = new HashMap<>();
        Set<String> hidden = new LinkedHashSet<>();
        seen.values().forEach(s -> {
            for (int i = 0; i < s.truth().size(); i++) {
                for (String count : counts(s.figure())) {
                    String cell = s.figure().id() + "|" + count + "|" + i;
                    BigDecimal value = number(s.truth().get(i).get(count));
                    truth.put(cell, value);
                    if (Suppression.isSuppressed(s.shown().get(i).get(count))) {
                        hidden.add(cell);
                    } else {
                        known.put(cell, value);
                    }
                }
            }
        });
        List<Equation> equations = new ArrayList<>();
        seen.values().forEach(s -> equations.addAll(equations(s, seen, truth, known)));
        for (SubsetTotal subset : SUBSETS) {
            if (seen.containsKey(subset.figure()) && seen.containsKey(subset.totalFigure())) {
                equations.addAll(subsetEquations(subset, seen.get(subset.figure()), seen.get(subset.totalFigure())));
            }
        }

        List<String> leaks = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Equation equation : equations) {
                List<String> unknown = equation.terms().keySet().stream().filter(c -> !known.containsKey(c)).toList();
                if (unknown.size() != 1) {
                    continue;
                }
                String cell = unknown.get(0);
                BigDecimal rest = equation.terms().entrySet().stream().filter(e -> !e.getKey().equals(cell))
                        .map(e -> known.get(e.getKey()).multiply(BigDecimal.valueOf(e.getValue())))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal value = equation.constant().subtract(rest).divide(BigDecimal.valueOf(equation.terms().get(cell)));
                if (truth.containsKey(cell)) {
                    assertEquals(0, truth.get(cell).compareTo(value), "the equation is wrong: " + equation.why());
                }
                known.put(cell, value);
                progress = true;
                if (hidden.contains(cell)) {
                    leaks.add(page + " " + la + (publication ? " (publication)" : " seen by " + reader) + ": "
                            + cell + " = " + value + " from " + equation.why());
                }
            }
        }
        return leaks;
    }

    private static List<Equation> equations(Seen s, Map<String, Seen> page, Map<String, BigDecimal> truth,
                                            Map<String, BigDecimal> known) {
        Figure figure = s.figure();
        String id = figure.id();
        List<Equation> out = new ArrayList<>();
        for (FigureColumn dimension : figure.columns()) {
            if (dimension.role() != FigureColumn.Role.DIMENSION || !dimension.adding().additive()) {
                continue;
            }
            String totalMember = dimension.adding().totalMember();
            List<String> others = keys(figure).stream().filter(k -> !k.equals(dimension.name())).toList();
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < s.truth().size(); i++) {
                Map<String, Object> row = s.truth().get(i);
                groups.computeIfAbsent(others.stream().map(k -> String.valueOf(row.get(k))).collect(Collectors.joining("|")),
                        k -> new ArrayList<>()).add(i);
            }
            TotalElsewhere elsewhere = TOTALS.stream().filter(t -> t.figure().equals(id)).findFirst().orElse(null);
            groups.forEach((key, rows) -> {
                for (String count : counts(figure)) {
                    Map<String, Integer> terms = new LinkedHashMap<>();
                    BigDecimal constant = BigDecimal.ZERO;
                    BigDecimal sum = BigDecimal.ZERO;
                    String total = null;
                    for (int i : rows) {
                        String cell = id + "|" + count + "|" + i;
                        if (totalMember != null && totalMember.equals(String.valueOf(s.truth().get(i).get(dimension.name())))) {
                            total = cell;
                        } else {
                            terms.put(cell, 1);
                            sum = sum.add(truth.get(cell));
                        }
                    }
                    if (total == null && elsewhere != null) {
                        total = cellOf(page.get(elsewhere.totalFigure()), elsewhere, s.truth().get(rows.get(0)));
                    }
                    if (total == null) {
                        // Taken as known wherever it could be published (0, or 5 and more); but the total of one
                        // cell is that cell, which would be shown wherever its total is: unknown.
                        total = id + "|" + count + "|total of " + dimension.name() + " at " + key;
                        truth.put(total, sum);
                        if (terms.size() >= 2 && (sum.signum() == 0 || sum.compareTo(FIVE) >= 0)) {
                            known.put(total, sum);
                        }
                    }
                    terms.merge(total, -1, Integer::sum);
                    out.add(new Equation(terms, constant, id + " along " + dimension.name() + " at " + key + " (" + count + ")"));
                }
            });
            if (dimension.adding().remainder()) {
                for (Map<String, Object> remainder : s.remainders()) {
                    String key = others.stream().map(k -> String.valueOf(remainder.get(k))).collect(Collectors.joining("|"));
                    for (String count : counts(figure)) {
                        BigDecimal value = number(remainder.get(count));
                        if (value == null) {
                            continue;
                        }
                        Map<String, Integer> terms = new LinkedHashMap<>();
                        for (int i : groups.get(key)) {
                            String cell = id + "|" + count + "|" + i;
                            if (Suppression.isSuppressed(s.shown().get(i).get(count))) {
                                terms.put(cell, 1);
                            }
                        }
                        assertTrue(terms.size() >= 2, id + ": a suppressed segment of one hidden cell at " + key);
                        assertTrue(value.compareTo(FIVE) >= 0, id + ": a suppressed segment of " + value + " at " + key);
                        out.add(new Equation(terms, value, id + "'s suppressed segment at " + key + " (" + count + ")"));
                    }
                }
            }
        }
        for (FigureColumn column : figure.columns()) {
            for (int i = 0; i < s.truth().size() && !column.adding().sumOf().isEmpty(); i++) {
                Map<String, Integer> terms = new LinkedHashMap<>();
                terms.put(id + "|" + column.name() + "|" + i, -1);
                for (String part : column.adding().sumOf()) {
                    terms.put(id + "|" + part + "|" + i, 1);
                }
                out.add(new Equation(terms, BigDecimal.ZERO, id + ": " + column.name() + " = " + column.adding().sumOf()));
            }
        }
        return out;
    }

    /** Per period (and other keys), the subset's cells add up to the other figure's cell for that period. */
    private static List<Equation> subsetEquations(SubsetTotal subset, Seen parts, Seen totals) {
        Map<String, Integer> totalRow = new HashMap<>();
        for (int i = 0; i < totals.truth().size(); i++) {
            totalRow.put(String.valueOf(totals.truth().get(i).get(subset.totalPeriod())), i);
        }
        Map<String, Map<String, Integer>> byPeriod = new LinkedHashMap<>();
        for (int i = 0; i < parts.truth().size(); i++) {
            Map<String, Object> row = parts.truth().get(i);
            if (subset.members().contains(String.valueOf(row.get(subset.dimension())))) {
                byPeriod.computeIfAbsent(String.valueOf(row.get(subset.period())), k -> new LinkedHashMap<>())
                        .put(subset.figure() + "|children|" + i, 1);
            }
        }
        List<Equation> out = new ArrayList<>();
        byPeriod.forEach((period, terms) -> {
            Integer i = totalRow.get(period);
            if (i != null) {
                Map<String, Integer> all = new LinkedHashMap<>(terms);
                all.put(subset.totalFigure() + "|" + subset.column() + "|" + i, -1);
                out.add(new Equation(all, BigDecimal.ZERO, subset.figure() + " " + subset.members() + " at " + period
                        + " against " + subset.totalFigure()));
            }
        });
        return out;
    }

    /** The cell of the total's figure for the row's period (and its where-value); null when it has none. */
    private static String cellOf(Seen total, TotalElsewhere t, Map<String, Object> row) {
        for (int i = 0; i < total.truth().size(); i++) {
            Map<String, Object> candidate = total.truth().get(i);
            if (String.valueOf(candidate.get(t.totalPeriod())).equals(String.valueOf(row.get(t.period())))
                    && (t.where() == null || t.value().equals(String.valueOf(candidate.get(t.where()))))) {
                return t.totalFigure() + "|" + t.column() + "|" + i;
            }
        }
        return null;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return value == null ? BigDecimal.ZERO : Suppression.isSuppressed(value) ? null : new BigDecimal(value.toString());
    }

    private static List<String> allLeaks(boolean secondary) {
        Map<String, List<Figure>> pages = new LinkedHashMap<>();
        Page.ALL.forEach(page -> pages.put(page.path(), figures(page)));
        // The KPI cards' counts are sums of the children page's categories: read together, as a reader can.
        List<Figure> kpisAndChildren = new ArrayList<>(figures(Page.KPIS));
        kpisAndChildren.addAll(figures(Page.CHILDREN));
        pages.put("/ with /children", kpisAndChildren);
        List<String> leaks = new ArrayList<>();
        pages.forEach((page, figures) -> {
            for (String la : LAS) {
                String other = LAS.get((LAS.indexOf(la) + 1) % LAS.size());
                leaks.addAll(leaks(page, figures, la, Viewer.ofLa(other), false, secondary));
                leaks.addAll(leaks(page, figures, la, Viewer.ofLa(la), true, secondary));
            }
        });
        return leaks;
    }

    @Test
    void noTotalMinusPartsGivesBackAHiddenCount() {
        List<String> leaks = allLeaks(true);
        assertEquals(List.of(), leaks.stream().limit(20).toList(), leaks.size() + " hidden counts worked out");
    }

    @Test
    void withoutSecondarySuppressionTheSameAttackFindsHiddenCounts() {
        List<String> leaks = allLeaks(false);
        assertTrue(leaks.size() > 0, "the attack finds nothing even with the small counts hidden alone");
        System.out.println(leaks.size() + " hidden counts worked out without secondary suppression, for example "
                + leaks.stream().limit(5).toList());
        // Southwark at 31 March 2021 (SharedSamplesTest): 47 children; by sex, for instance, a lone small cell.
        assertTrue(leaks.stream().anyMatch(l -> l.startsWith("/children Southwark")), String.join("\n", leaks));
    }

    @Test
    void southwarkMarch2021StackedBarKeepsItsTotal() {
        // 15 + 11 + 6 + 5 + 3 + 2 + 2 + 2 + 1 = 47 (SharedSamplesTest). Hidden: the 3, 2, 2, 2 and 1 (10); the
        // shown cells 15, 11, 6, 5 make 37, and the suppressed segment the other 10.
        List<Map<String, Object>> rows = FigureCatalogue.get("cla-month-end").rows(warehouse,
                new FigureRequest("Southwark", java.time.LocalDate.of(2021, 3, 31), java.time.LocalDate.of(2021, 3, 31),
                        Viewer.ofLa("Bromley"), false));
        Map<String, Object> byCategory = new LinkedHashMap<>();
        rows.forEach(r -> byCategory.put((String) r.get("category"), r.get("children")));
        assertEquals(10L, ((Number) byCategory.get(Suppression.REMAINDER)).longValue(), byCategory.toString());
        long shown = byCategory.values().stream().filter(v -> v instanceof Number).mapToLong(v -> ((Number) v).longValue())
                .sum();
        assertEquals(47L, shown, byCategory.toString());
    }
}
