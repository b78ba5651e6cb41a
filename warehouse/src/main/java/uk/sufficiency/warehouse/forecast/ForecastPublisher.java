package uk.sufficiency.warehouse.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import uk.sufficiency.warehouse.FactTable;
import uk.sufficiency.warehouse.Snapshots;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunLock;
import uk.sufficiency.warehouse.runs.RunRecord;
import uk.sufficiency.warehouse.Warehouse;

/**
 * Writes the forecast facts into a snapshot that is not yet published: for each LA, the base
 * projection and every saved scenario from the end of its data window, their spend by financial
 * year and their gap against capacity, and the rolling-origin backtest. Reads only the snapshot's
 * aggregated facts (forecast flows and stock, costs, capacity), never a child's row.
 */
public final class ForecastPublisher {
    /**
     * The facts of the projections, which a republish replaces; the backtest depends on no scenario,
     * so a republish keeps it and only a pipeline run remakes it.
     */
    public static final List<FactTable> PROJECTION_FACTS = List.of(FactTable.FORECAST_SETTINGS, FactTable.FORECAST,
            FactTable.FORECAST_GROUP, FactTable.FORECAST_COST_YEAR, FactTable.FORECAST_GAP, FactTable.FORECAST_AGE);

    private ForecastPublisher() {
    }

    /**
     * Publishes a new snapshot that is the current one with its projections made again from the
     * saved scenarios and settings as they are now: what saving a scenario on the dashboard does.
     * The other facts, the backtest included, are hard-linked (copied where links are not possible).
     * Holds the warehouse's {@link RunLock} while it works.
     *
     * @throws RunLock.Busy when a pipeline run (or another republish) holds the lock
     */
    public static Path republish(Path warehouseDir, Consumer<String> progress) {
        try (RunLock lock = RunLock.acquire(warehouseDir, "scenario republish", RunLock.PATIENCE)) {
            return republishLocked(warehouseDir, progress);
        }
    }

    private static Path republishLocked(Path warehouseDir, Consumer<String> progress) {
        Instant started = Instant.now();
        Snapshots snapshots = new Snapshots(warehouseDir);
        Path current = snapshots.requireCurrent();
        ForecastSettings settings = ForecastSettings.load(warehouseDir);
        List<Scenario> saved = new ScenarioStore(warehouseDir).all();
        Path staging = snapshots.beginStaging();
        boolean published = false;
        try {
            linkFacts(current, staging);
            snapshots.markRepublished(staging, current);
            write(staging, project(staging, settings, saved, false, progress), false);
            // A pipeline run may have published while this worked: its snapshot, newer data, stays.
            if (!snapshots.current().equals(Optional.of(current))) {
                throw new IllegalStateException("A pipeline run published a new snapshot while the forecast was being"
                        + " remade; the scenarios are saved and that run, or the next, projects them.");
            }
            Path snapshot = snapshots.publish(staging);
            published = true;
            recordInHistory(warehouseDir, current, snapshot, started);
            return snapshot;
        } finally {
            if (!published) {
                snapshots.discard(staging);
            }
        }
    }

    /** The republished snapshot holds the same run's data: its record, with this trigger, names it. */
    private static void recordInHistory(Path warehouseDir, Path source, Path snapshot, Instant started) {
        RunHistory history = new RunHistory(warehouseDir);
        history.recent(100).stream()
                .filter(r -> r.outcome() == RunRecord.Outcome.SUCCEEDED
                        && source.getFileName().toString().equals(r.snapshot()))
                .findFirst()
                .ifPresent(run -> history.finished(new RunRecord(started, Instant.now(), RunRecord.Outcome.SUCCEEDED,
                        RunRecord.Trigger.SCENARIO, run.inputDir(), run.warehouseDir(), run.rowsRead(),
                        run.rejectedTotal(), run.rejectedByReason(), run.warningsByType(),
                        snapshot.getFileName().toString(), Duration.between(started, Instant.now()).toMillis() / 1000.0,
                        null, run.files(), run.notices())));
    }

    private static void linkFacts(Path from, Path to) {
        Set<String> remade = PROJECTION_FACTS.stream().map(FactTable::directory).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                // Facts only: the snapshot's own marks (dot files) describe that snapshot, not this one.
                if (relative.getNameCount() == 0 || remade.contains(relative.getName(0).toString())
                        || relative.getName(0).toString().startsWith(".")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.createLink(target, file);
                    } catch (UnsupportedOperationException | IOException e) {
                        Files.copy(file, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the facts of " + from, e);
        }
    }

    /** Writes every forecast fact, the backtest included, into a run's staging snapshot. */
    public static void publish(Path staging, ForecastSettings settings, List<Scenario> saved, Consumer<String> progress) {
        write(staging, project(staging, settings, saved, true, progress), true);
    }

    private static Rows project(Path staging, ForecastSettings settings, List<Scenario> saved, boolean backtest,
                                Consumer<String> progress) {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(Scenario.BASE);
        scenarios.addAll(saved);
        Rows rows = new Rows();
        try (Warehouse warehouse = Warehouse.open(staging)) {
            // LAs are independent: project them in parallel (each query has its own connection).
            warehouse.query("SELECT la FROM la_window ORDER BY la").parallelStream()
                    .map(la -> forecastLa(warehouse, (String) la.get("la"), scenarios, settings, backtest, progress))
                    .forEachOrdered(rows::addAll);
        }
        return rows;
    }

    private static void write(Path staging, Rows rows, boolean backtest) {
        FactWriter.write(staging, FactTable.FORECAST_SETTINGS, rows.settings);
        FactWriter.write(staging, FactTable.FORECAST, rows.states);
        FactWriter.write(staging, FactTable.FORECAST_GROUP, rows.groups);
        FactWriter.write(staging, FactTable.FORECAST_COST_YEAR, rows.costs);
        FactWriter.write(staging, FactTable.FORECAST_GAP, rows.gaps);
        FactWriter.write(staging, FactTable.FORECAST_AGE, rows.ages);
        if (backtest) {
            FactWriter.write(staging, FactTable.FORECAST_BACKTEST, rows.backtest);
            FactWriter.write(staging, FactTable.FORECAST_METHOD, rows.methods);
        }
    }

    private static Rows forecastLa(Warehouse warehouse, String name, List<Scenario> scenarios,
                                   ForecastSettings settings, boolean backtest, Consumer<String> progress) {
        progress.accept("Forecast for " + name + ": " + scenarios.size() + " scenario(s), " + settings.runs()
                + " runs each" + (backtest ? ", and the backtest" : ""));
        Rows rows = new Rows();
        Baseline baseline = Baseline.of(warehouse, name, settings);
        if (backtest) {
            // the backtest chooses the method the base and scenarios project with
            Backtest.Result scored = Backtest.run(warehouse, name, baseline.windowFirst(), baseline.start(), settings);
            rows.backtest.addAll(scored.rows());
            rows.methods.add(scored.choice().row(name));
            baseline = baseline.with(scored.choice());
        }
        for (Scenario scenario : scenarios) {
            if (scenario.appliesTo(name)) {
                rows.add(scenario, name, baseline, baseline.project(scenario, settings), settings);
            }
        }
        return rows;
    }

    /**
     * What every scenario of one LA starts from: the end of its data window (counting-rules §1,
     * 1 April of the first collection year's start to 31 March of the last), the rates fitted on the
     * reference period before it (or the whole window when that is shorter), the stock then, fees
     * and capacity.
     */
    public record Baseline(String la, LocalDate windowFirst, LocalDate start, FittedRates fitted, int[] stock,
                           ForecastInputs.Fees fees, Map<CapacityProvision, ForecastInputs.ProvisionAtStart> capacity,
                           int[] cells, Backtest.MethodChoice method) {
        public static Baseline of(Warehouse warehouse, String la, ForecastSettings settings) {
            Map<String, Object> window = warehouse.query("SELECT first_year, last_year FROM la_window WHERE la = ?", la)
                    .stream().findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "The warehouse holds no data window for the LA '" + la + "'"));
            LocalDate windowFirst = LocalDate.of(((Number) window.get("first_year")).intValue() - 1, 4, 1);
            LocalDate windowLast = LocalDate.of(((Number) window.get("last_year")).intValue(), 3, 31);
            LocalDate from = windowLast.plusDays(1).minusMonths(settings.referenceMonths());
            if (from.isBefore(windowFirst)) {
                from = windowFirst;
            }
            return new Baseline(la, windowFirst, windowLast, FittedRates.fit(warehouse, la, from, windowLast),
                    ForecastInputs.stock(warehouse, la, windowLast), ForecastInputs.fees(warehouse, la, windowLast),
                    ForecastInputs.capacity(warehouse, la, windowLast), ForecastInputs.cells(warehouse, la, windowLast),
                    Backtest.MethodChoice.published(warehouse, la, settings));
        }

        /** The same start projected by another method. */
        public Baseline with(Backtest.MethodChoice choice) {
            return new Baseline(la, windowFirst, start, fitted, stock, fees, capacity, cells, choice);
        }

        public Projection project(Scenario scenario, ForecastSettings settings) {
            return Projection.run(fitted, cells, scenario, settings.projection(start), fees.weekly(),
                    scenario.feeInflationOr(settings.feeInflation()), method.method());
        }
    }

    /** The facts' rows as they are built. */
    private static final class Rows {
        final List<Object[]> settings = new ArrayList<>();
        final List<Object[]> states = new ArrayList<>();
        final List<Object[]> groups = new ArrayList<>();
        final List<Object[]> costs = new ArrayList<>();
        final List<Object[]> gaps = new ArrayList<>();
        final List<Object[]> backtest = new ArrayList<>();
        final List<Object[]> methods = new ArrayList<>();
        final List<Object[]> ages = new ArrayList<>();

        void addAll(Rows other) {
            settings.addAll(other.settings);
            states.addAll(other.states);
            groups.addAll(other.groups);
            costs.addAll(other.costs);
            gaps.addAll(other.gaps);
            backtest.addAll(other.backtest);
            methods.addAll(other.methods);
            ages.addAll(other.ages);
        }

        void add(Scenario scenario, String la, Baseline baseline, Projection projection, ForecastSettings forecast) {
            String name = scenario.name();
            List<LocalDate> dates = projection.dates();
            settings.add(new Object[] {name, la, baseline.start(), baseline.fitted().from(), baseline.fitted().to(),
                    dates.get(dates.size() - 1), forecast.stepDays(), forecast.runs(), forecast.seed(),
                    scenario.feeInflationOr(forecast.feeInflation()), ScenarioStore.toJson(scenario)});
            for (int d = 0; d < dates.size(); d++) {
                for (int s = 0; s < ForecastState.COUNT; s++) {
                    double[] q = projection.stateQuantiles(d, s);
                    states.add(new Object[] {name, la, dates.get(d), ForecastState.group(s).id(),
                            ForecastState.band(s).label(), round(projection.stateExpected(d, s)), round(q[0]),
                            round(q[1]), round(q[2]), round(q[3]), round(q[4])});
                }
                for (int g = 0; g <= Projection.ALL; g++) {
                    double[] q = projection.groupQuantiles(d, g);
                    groups.add(new Object[] {name, la, dates.get(d), Backtest.groupId(g),
                            round(projection.groupExpected(d, g)), round(q[0]), round(q[1]), round(q[2]), round(q[3]),
                            round(q[4])});
                }
                for (AgeBand band : AgeBand.values()) {
                    double[] q = projection.bandQuantiles(d, band);
                    ages.add(new Object[] {name, la, dates.get(d), band.label(), round(projection.bandExpected(d, band)),
                            round(q[0]), round(q[1]), round(q[2]), round(q[3]), round(q[4])});
                }
                addGaps(name, la, baseline, projection, d, scenario);
            }
            for (int y = 0; y < projection.years().size(); y++) {
                for (int g = 0; g <= Projection.ALL; g++) {
                    double[] q = projection.costQuantiles(y, g);
                    Double fee = g == Projection.ALL ? null : projection.weeklyFee(PlacementGroup.values()[g]);
                    long feeChildren = g == Projection.ALL ? baseline.fees().allChildren()
                            : baseline.fees().children().getOrDefault(PlacementGroup.values()[g], 0L);
                    costs.add(new Object[] {name, la, projection.years().get(y), Backtest.groupId(g),
                            fee == null ? null : round(fee), q == null ? null : round(q[0]), q == null ? null : round(q[1]),
                            q == null ? null : round(q[2]), q == null ? null : round(projection.costExpected(y, g)),
                            feeChildren});
                }
            }
        }

        /**
         * The gap of each provision at a quarter end (docs/forecast.md "Sufficiency gap"); before the
         * first projected date, the row at the start, which is the Capacity page's latest row.
         */
        private void addGaps(String name, String la, Baseline baseline, Projection projection, int d, Scenario scenario) {
            if (d == 0) {
                addStartGaps(name, la, baseline);
            }
            LocalDate date = projection.dates().get(d);
            if (date.getMonthValue() % 3 != 0) {
                return;
            }
            for (CapacityProvision provision : CapacityProvision.values()) {
                PlacementGroup group = provision.group();
                ForecastInputs.ProvisionAtStart recorded = baseline.capacity().get(provision);
                int added = InterventionSchedule.placesAdded(scenario.interventions(), group, baseline.start(), date);
                if (recorded == null && added == 0) {
                    continue;
                }
                int capacity = (recorded == null ? 0 : recorded.capacity()) + added;
                long others = recorded == null ? 0 : recorded.others();
                double[] q = projection.groupQuantiles(d, group.ordinal());
                double p50 = placed(provision, recorded, capacity, baseline, q[2]);
                double p95 = placed(provision, recorded, capacity, baseline, q[4]);
                addGap(name, la, date, provision, p50, p95, others, capacity, q[2] - p50, q[4] - p95);
            }
        }

        /** At the start: the children placed in each provision, and in its group outside it, as counted. */
        private void addStartGaps(String name, String la, Baseline baseline) {
            long[] groups = ForecastInputs.groupTotals(baseline.stock());
            for (CapacityProvision provision : CapacityProvision.values()) {
                ForecastInputs.ProvisionAtStart recorded = baseline.capacity().get(provision);
                if (recorded != null) {
                    double outside = provision.block() ? Math.max(0, groups[provision.group().ordinal()] - recorded.placed())
                            : 0;
                    addGap(name, la, baseline.start(), provision, recorded.placed(), recorded.placed(), recorded.others(),
                            recorded.capacity(), outside, outside);
                }
            }
        }

        /**
         * Of a group's projected children, those placed in the provision: all of an in-house
         * provision's group. Block beds hold the share of the group block-contracted at the latest
         * capacity row, up to the beds not used by others (the LA fills the beds it has paid for; more
         * children are bought spot, outside them); never fewer than they held then. Monotone in the
         * group's children, so a quantile of the group gives the same quantile of the provision.
         */
        private static double placed(CapacityProvision provision, ForecastInputs.ProvisionAtStart recorded, int capacity,
                                     Baseline baseline, double groupChildren) {
            if (!provision.block()) {
                return groupChildren;
            }
            long atStart = ForecastInputs.groupTotals(baseline.stock())[provision.group().ordinal()];
            if (recorded == null || atStart == 0) {
                return 0;
            }
            double share = Math.min(1, recorded.placed() / (double) atStart);
            double beds = Math.max(capacity - recorded.others(), recorded.placed());
            return Math.min(beds, share * groupChildren);
        }

        private void addGap(String name, String la, LocalDate date, CapacityProvision provision, double demandP50,
                            double demandP95, long others, int capacity, double outsideP50, double outsideP95) {
            gaps.add(new Object[] {name, la, date, Projection.financialYear(date), quarter(date),
                    provision.group().id(), provision.id(), round(demandP50), round(demandP95), others, capacity,
                    round(demandP50 + others - capacity), round(demandP95 + others - capacity), round(outsideP50),
                    round(outsideP95)});
        }

        /** Published figures to two decimals: children (quantiles interpolate between runs) and pounds. */
        static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }

        private static String quarter(LocalDate date) {
            return "Q" + ((date.getMonthValue() + 8) / 3 % 4 + 1);
        }
    }
}
