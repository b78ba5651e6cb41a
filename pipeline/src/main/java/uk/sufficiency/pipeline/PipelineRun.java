package uk.sufficiency.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import uk.sufficiency.pipeline.RunSummary.RecognisedFileSummary;
import uk.sufficiency.pipeline.intermediate.IntAreaNames;
import uk.sufficiency.pipeline.intermediate.IntBenchmarkRates;
import uk.sufficiency.pipeline.intermediate.IntCapacity;
import uk.sufficiency.pipeline.intermediate.IntChildren;
import uk.sufficiency.pipeline.intermediate.IntEpisodesDeduplicated;
import uk.sufficiency.pipeline.intermediate.IntEpisodesRepaired;
import uk.sufficiency.pipeline.intermediate.IntEpisodesValidated;
import uk.sufficiency.pipeline.intermediate.IntKpiTargets;
import uk.sufficiency.pipeline.intermediate.IntPlacementCosts;
import uk.sufficiency.pipeline.intermediate.IntPlacementRequests;
import uk.sufficiency.pipeline.intermediate.IntPopulation;
import uk.sufficiency.pipeline.intermediate.IntStatisticalNeighbours;
import uk.sufficiency.pipeline.intermediate.OperationalRows;
import uk.sufficiency.pipeline.marts.DimChildren;
import uk.sufficiency.pipeline.marts.EpisodeFiles;
import uk.sufficiency.pipeline.marts.EpisodeWarnings;
import uk.sufficiency.pipeline.marts.FctEpisodes;
import uk.sufficiency.pipeline.marts.ForecastHistory;
import uk.sufficiency.pipeline.marts.FctPlacementCostSegments;
import uk.sufficiency.pipeline.marts.FctPlacementRequests;
import uk.sufficiency.pipeline.marts.FctRejectedEpisodes;
import uk.sufficiency.pipeline.marts.FctRejectedRows;
import uk.sufficiency.pipeline.marts.LaWindow;
import uk.sufficiency.pipeline.marts.ReferenceWarnings;
import uk.sufficiency.pipeline.staging.InputCatalog;
import uk.sufficiency.pipeline.staging.InputFile;
import uk.sufficiency.pipeline.staging.SourceTable;
import uk.sufficiency.pipeline.staging.StgTables;
import uk.sufficiency.warehouse.FactTable;
import uk.sufficiency.warehouse.InstallationSecret;
import uk.sufficiency.warehouse.Snapshots;
import uk.sufficiency.warehouse.forecast.ForecastPublisher;
import uk.sufficiency.warehouse.forecast.ForecastSettings;
import uk.sufficiency.warehouse.forecast.ScenarioStore;

/**
 * One run: input folder to a newly published warehouse snapshot. Staging reads the files,
 * intermediate models type, reject, deduplicate and repair, marts are written as Parquet into a
 * staging snapshot that is published only when every fact is written.
 */
public final class PipelineRun {
    private PipelineRun() {
    }

    /**
     * Reads every recognisable file, builds the facts and publishes a snapshot. Throws
     * {@link InputProblem} when a file cannot be used; then nothing is published.
     */
    public static RunSummary run(SparkSession spark, RunOptions options, Progress progress) {
        long started = System.nanoTime();
        progress.step("Scanning " + options.inputDir());
        InputCatalog catalog = InputCatalog.scan(options.inputDir());
        checkUsable(catalog, options.la());
        progress.step(String.format("Recognised %d files (%d episodes, %d header, %d XML); %d ignored",
                catalog.recognised().size(), catalog.of(SourceTable.EPISODES).size(),
                catalog.of(SourceTable.HEADER).size(), catalog.xmlReturns().size(), catalog.ignored().size()));

        // Read before any work, so a broken settings or scenario file fails the run at once, by name.
        ForecastSettings forecastSettings = ForecastSettings.load(options.warehouseDir());
        new ScenarioStore(options.warehouseDir()).all();
        String secret = InstallationSecret.load(options.warehouseDir());
        Snapshots snapshots = new Snapshots(options.warehouseDir());
        Path staging = snapshots.beginStaging();
        List<Dataset<Row>> cached = new ArrayList<>();
        boolean published = false;
        try {
            progress.step("Reading and validating episodes");
            boolean someUndated = catalog.of(SourceTable.EPISODES).stream().anyMatch(f -> f.nameYear() == null)
                    || catalog.xmlReturns().stream().anyMatch(f -> f.nameYear() == null);
            Dataset<Row> validated = cache(cached, IntEpisodesValidated.build(
                    StgTables.load(spark, catalog, SourceTable.EPISODES), options.la(), someUndated, LocalDate.now()));
            EpisodeFiles episodeFiles = EpisodeFiles.of(validated);
            Dataset<Row> headers = StgTables.load(spark, catalog, SourceTable.HEADER);
            // Read once: children, the header warnings and the row count all use the typed headers.
            Dataset<Row> typedHeaders = cache(cached, IntChildren.typed(headers, options.la()));
            Dataset<Row> children = cache(cached, IntChildren.build(typedHeaders));
            write(FctRejectedEpisodes.build(validated, secret), staging, FactTable.REJECTED_EPISODES);
            Dataset<Row> laWindow = cache(cached, LaWindow.build(validated));

            progress.step("Merging episodes across returns and repairing episode chains");
            Dataset<Row> survivors = validated.where(col("reject_reason").isNull()).drop("reject_reason");
            Dataset<Row> withHeader = IntEpisodesRepaired.build(IntEpisodesDeduplicated.build(survivors), laWindow)
                    .join(children.select(col("la"), col("child"), lit(true).as("has_header")),
                            new String[] {"la", "child"}, "left")
                    .na().fill(false, new String[] {"has_header"});
            Dataset<Row> repaired = cache(cached, withHeader);
            write(FctEpisodes.build(repaired, secret), staging, FactTable.EPISODES);

            progress.step("Writing children, data windows and population");
            write(DimChildren.build(children, secret), staging, FactTable.CHILDREN);
            write(DimChildren.ethnicity(children, secret), staging, FactTable.CHILDREN_ETHNICITY);
            write(laWindow, staging, FactTable.LA_WINDOW);
            Dataset<Row> populationDfe = StgTables.load(spark, catalog, SourceTable.POPULATION_DFE);
            write(IntPopulation.build(StgTables.load(spark, catalog, SourceTable.POPULATION), populationDfe),
                    staging, FactTable.POPULATION);

            progress.step("Writing reference data: benchmarks, statistical neighbours, KPI targets");
            Dataset<Row> referenceWarnings = writeReferenceData(spark, catalog, options.la(), populationDfe, staging,
                    cached);

            progress.step("Placement costs, requests and capacity");
            Map<String, Long> operationalRead = new TreeMap<>();
            Dataset<Row> operationalWarnings = writeOperationalData(spark, catalog, options.la(), secret, repaired,
                    children, laWindow, staging, cached, operationalRead);
            progress.step("Forecast history: children moving between placement groups and age bands");
            Dataset<Row> stays = cache(cached, ForecastHistory.stays(repaired, children, laWindow));
            write(ForecastHistory.flows(stays), staging, FactTable.FORECAST_FLOWS);
            write(ForecastHistory.stock(stays, laWindow), staging, FactTable.FORECAST_STOCK);
            write(ForecastHistory.ageMix(stays), staging, FactTable.FORECAST_AGE_MIX);
            write(EpisodeWarnings.build(repaired, children, typedHeaders).unionByName(referenceWarnings)
                    .unionByName(operationalWarnings)
                    .unionByName(episodeFiles.warnings(spark, validated, catalog.of(SourceTable.EPISODES), options.la())),
                    staging, FactTable.DATA_QUALITY);

            // read again: a scenario saved on the dashboard while Spark worked is projected too
            ForecastPublisher.publish(staging, forecastSettings, new ScenarioStore(options.warehouseDir()).all(),
                    progress::step);

            progress.step("Summarising the run");
            List<RecognisedFileSummary> files = fileSummaries(catalog, episodeFiles, options.la());
            // 903 rejects by reason; the other inputs' as "source: reason" (placement_costs: overlap).
            Map<String, Long> rejected = countsBy(spark, staging, FactTable.REJECTED_EPISODES, col("reason"), null);
            Map<String, Long> otherRejects = countsBy(spark, staging, FactTable.REJECTED_ROWS,
                    concat_ws(": ", col("source"), col("reason")), null);
            rejected.putAll(otherRejects);
            List<RunSummary.SourceRows> sources = sourceRows(spark, staging, validated.count(), typedHeaders.count(),
                    operationalRead, otherRejects);
            long rowsRead = sources.stream().mapToLong(RunSummary.SourceRows::read).sum();
            Map<String, Long> warnings = countsBy(spark, staging, FactTable.DATA_QUALITY, col("warning"), "count");

            Path snapshot = snapshots.publish(staging);
            published = true;
            progress.step("Published " + snapshot);
            return new RunSummary(snapshot, files, rowsRead, rejected, warnings,
                    Duration.ofNanos(System.nanoTime() - started), sources,
                    episodeFiles.notices(catalog.of(SourceTable.EPISODES)));
        } finally {
            // Spark throws checked exceptions undeclared, so the clean-up must not depend on a catch.
            if (!published) {
                snapshots.discard(staging);
            }
            cached.forEach(Dataset::unpersist);
        }
    }

    /**
     * The optional reference tables (inputs.md §5). None is required: without a file the facts are
     * empty (an LA without targets has none: no default is another council's). Returns the warnings for
     * reference rows that could not be used.
     */
    private static Dataset<Row> writeReferenceData(SparkSession spark, InputCatalog catalog, String la,
                                                   Dataset<Row> populationDfe,
                                                   Path staging, List<Dataset<Row>> cached) {
        boolean anyBenchmarks = has(catalog, SourceTable.BENCHMARKS_DFE, SourceTable.BENCHMARKS);
        boolean anyNeighbours = has(catalog, SourceTable.NEIGHBOURS_DFE, SourceTable.NEIGHBOURS_DFE_2021,
                SourceTable.NEIGHBOURS);
        boolean anyTargets = has(catalog, SourceTable.KPI_TARGETS);
        // Reference files are small (a few thousand rows) and each is read more than once: keep them.
        Dataset<Row> benchmarksDfe = cache(cached, StgTables.load(spark, catalog, SourceTable.BENCHMARKS_DFE));
        Dataset<Row> model = cache(cached, StgTables.load(spark, catalog, SourceTable.NEIGHBOURS_DFE));
        Dataset<Row> model2021 = cache(cached, StgTables.load(spark, catalog, SourceTable.NEIGHBOURS_DFE_2021));
        Dataset<Row> areas = IntAreaNames.build(benchmarksDfe, populationDfe, model, model2021);
        Dataset<Row> lookup = cache(cached, IntAreaNames.lookup(areas));

        Dataset<Row> ratesDfe = cache(cached, IntBenchmarkRates.typedDfe(benchmarksDfe));
        Dataset<Row> ratesSimple = cache(cached, IntBenchmarkRates.typedSimple(
                StgTables.load(spark, catalog, SourceTable.BENCHMARKS)));
        writeOrEmpty(spark, anyBenchmarks, IntBenchmarkRates.build(ratesDfe, ratesSimple, lookup), staging,
                FactTable.BENCHMARK_RATES);

        Dataset<Row> neighbours = cache(cached, IntStatisticalNeighbours.typedDfe(model, model2021)
                .unionByName(IntStatisticalNeighbours.typedSimple(StgTables.load(spark, catalog, SourceTable.NEIGHBOURS))));
        writeOrEmpty(spark, anyNeighbours, IntStatisticalNeighbours.build(neighbours, lookup), staging,
                FactTable.STATISTICAL_NEIGHBOURS);

        Dataset<Row> targets = cache(cached, IntKpiTargets.typed(StgTables.load(spark, catalog, SourceTable.KPI_TARGETS),
                la));
        writeOrEmpty(spark, anyTargets, IntKpiTargets.build(targets), staging, FactTable.KPI_TARGETS);

        List<Dataset<Row>> warnings = new ArrayList<>();
        if (anyBenchmarks) {
            warnings.add(ReferenceWarnings.of(ratesDfe, "benchmarks"));
            warnings.add(ReferenceWarnings.of(ratesSimple, "benchmarks"));
        }
        if (anyNeighbours) {
            warnings.add(ReferenceWarnings.of(neighbours, "statistical_neighbours"));
        }
        if (anyTargets) {
            warnings.add(ReferenceWarnings.of(targets, "kpi_targets"));
        }
        Dataset<Row> all = ReferenceWarnings.none(spark);
        for (Dataset<Row> w : warnings) {
            all = all.unionByName(w);
        }
        return all;
    }

    /**
     * The inputs beside the 903 that commissioners and finance keep (inputs.md §2-§4), each read,
     * typed and checked against the 903 episodes ({@code repaired}, child ids not yet pseudonymised)
     * and children. Every source's rejected rows go to one quarantine, {@code rejected_rows}; every
     * source's warnings (la, source, warning, count) are returned for the data-quality fact.
     * {@code la} is the run's {@code --la} (null without it), for rows without an LA value. The rows
     * read of each source with files are put in {@code read}, by source.
     */
    private static Dataset<Row> writeOperationalData(SparkSession spark, InputCatalog catalog, String la,
                                                     String secret, Dataset<Row> repaired, Dataset<Row> children,
                                                     Dataset<Row> laWindow, Path staging,
                                                     List<Dataset<Row>> cached, Map<String, Long> read) {
        List<Dataset<Row>> rejects = new ArrayList<>();
        List<Dataset<Row>> warnings = new ArrayList<>();
        // Without a source's files its fact is written empty and its checks are not run at all: they join
        // against every episode and child, which a national 903-only run should not pay for.
        boolean anyRequests = has(catalog, SourceTable.PLACEMENT_REQUESTS);
        boolean anyCapacity = has(catalog, SourceTable.CAPACITY);
        boolean anyCosts = has(catalog, SourceTable.PLACEMENT_COSTS);
        Dataset<Row> knownChildren = cache(cached, OperationalRows.knownChildren(repaired, children));

        // Placement search requests (inputs.md §3) and capacity (§4).
        Dataset<Row> requests = cache(cached, IntPlacementRequests.typed(
                StgTables.load(spark, catalog, SourceTable.PLACEMENT_REQUESTS), la, knownChildren));
        writeOrEmpty(spark, anyRequests, FctPlacementRequests.build(requests, children, secret), staging,
                FactTable.PLACEMENT_REQUESTS);
        if (anyRequests) {
            read.put(IntPlacementRequests.SOURCE, requests.count());
            rejects.add(IntPlacementRequests.rejects(requests));
            warnings.add(IntPlacementRequests.warnings(requests));
        }
        Dataset<Row> capacity = cache(cached, IntCapacity.typed(StgTables.load(spark, catalog, SourceTable.CAPACITY), la));
        writeOrEmpty(spark, anyCapacity, IntCapacity.build(capacity), staging, FactTable.CAPACITY);
        if (anyCapacity) {
            read.put(IntCapacity.SOURCE, capacity.count());
            rejects.add(IntCapacity.rejects(capacity));
            warnings.add(IntCapacity.warnings(capacity));
        }

        // Placement costs (inputs.md §2): lines checked against the 903, then cut into segments of days
        // attributed to the child's active episode, inside the LA's data window (already written).
        Dataset<Row> costLines = cache(cached, IntPlacementCosts.build(IntPlacementCosts.typed(
                StgTables.load(spark, catalog, SourceTable.PLACEMENT_COSTS), la), knownChildren));
        Dataset<Row> survivingCosts = costLines.where(col("reject_reason").isNull());
        Dataset<Row> costSegments = cache(cached, FctPlacementCostSegments.build(survivingCosts, repaired, laWindow,
                secret));
        writeOrEmpty(spark, anyCosts, costSegments, staging, FactTable.PLACEMENT_COST_SEGMENTS);
        if (anyCosts) {
            read.put(IntPlacementCosts.SOURCE, costLines.count());
            rejects.add(IntPlacementCosts.rejects(costLines));
            warnings.add(FctPlacementCostSegments.warnings(survivingCosts, laWindow, costSegments));
        }

        write(FctRejectedRows.build(spark, rejects), staging, FactTable.REJECTED_ROWS);
        Dataset<Row> all = ReferenceWarnings.none(spark);
        for (Dataset<Row> w : warnings) {
            all = all.unionByName(w);
        }
        return all;
    }

    private static boolean has(InputCatalog catalog, SourceTable... tables) {
        for (SourceTable table : tables) {
            if (!catalog.of(table).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Writes the fact, or (without any input file) an empty fact of the same columns without running it. */
    private static void writeOrEmpty(SparkSession spark, boolean anyInput, Dataset<Row> fact, Path snapshot,
                                     FactTable table) {
        write(anyInput ? fact : spark.createDataFrame(List.of(), fact.schema()), snapshot, table);
    }

    private static void checkUsable(InputCatalog catalog, String la) {
        if (catalog.of(SourceTable.EPISODES).isEmpty() && catalog.xmlReturns().isEmpty()) {
            throw new InputProblem(catalog.inputDir().toString(),
                    "holds no 903 episodes table (CSV with DECOM among its columns, or the XML return)");
        }
        if (la == null) {
            for (InputFile file : catalog.recognised()) {
                boolean needsLa = file.isXml() || SourceTable.PER_LA.contains(file.table());
                if (needsLa && !file.hasColumn("LA")) {
                    throw new InputProblem(file.displayName(), "has no LA column: say which LA it belongs to with --la");
                }
            }
        }
    }

    private static Dataset<Row> cache(List<Dataset<Row>> cached, Dataset<Row> dataset) {
        Dataset<Row> persisted = dataset.persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(persisted);
        return persisted;
    }

    private static void write(Dataset<Row> fact, Path snapshot, FactTable table) {
        fact.write().parquet(snapshot.resolve(table.directory()).toString());
    }

    /**
     * Per-file table, years and LAs as the run understood them (aggregates, never rows). LA names come
     * from rows that were not rejected, so a misread line cannot print its text as an LA.
     */
    private static List<RecognisedFileSummary> fileSummaries(InputCatalog catalog, EpisodeFiles episodeFiles, String la) {
        List<RecognisedFileSummary> out = new ArrayList<>();
        for (InputFile f : catalog.recognised()) {
            EpisodeFiles.Stats stats = episodeFiles.of(f.displayName());
            String year;
            String las;
            if (stats != null && stats.firstYear() != null) {
                year = stats.firstYear().equals(stats.lastYear()) ? String.valueOf(stats.firstYear())
                        : stats.firstYear() + "-" + stats.lastYear();
                List<String> names = stats.las();
                las = names.size() <= 3 ? String.join(", ", names) : names.size() + " LAs";
            } else {
                year = f.hasColumn("YEAR") ? "column" : f.nameYear() == null ? "-" : String.valueOf(f.nameYear());
                las = f.hasColumn("LA") ? "column" : la == null ? "-" : la;
            }
            out.add(new RecognisedFileSummary(f.displayName(), f.isXml() ? "xml return" : f.table().label(),
                    year, las, f.extraColumns()));
        }
        for (InputCatalog.Ignored ignored : catalog.ignoredWithReasons()) {
            out.add(new RecognisedFileSummary(ignored.displayName(), "ignored", "-", "-", List.of(),
                    "ignored: " + ignored.reason()));
        }
        return out;
    }

    /**
     * Rows read, kept, rejected and duplicated per source (read = kept + rejected + duplicates): the
     * 903 from the written facts (an episode older returns repeat is a duplicate; a Header line left
     * out counts as rejected), the other inputs from their rows read and their rejects.
     */
    private static List<RunSummary.SourceRows> sourceRows(SparkSession spark, Path staging, long episodesRead,
                                                          long headersRead, Map<String, Long> operationalRead,
                                                          Map<String, Long> otherRejects) {
        long episodesRejected = rows(spark, staging, FactTable.REJECTED_EPISODES);
        long episodesKept = rows(spark, staging, FactTable.EPISODES);
        long headersKept = rows(spark, staging, FactTable.CHILDREN);
        Map<String, Long> warnings = countsBy(spark, staging, FactTable.DATA_QUALITY, col("warning"), "count");
        long headersLeftOut = warnings.getOrDefault("header_bad_row", 0L)
                + warnings.getOrDefault("header_missing_child", 0L) + warnings.getOrDefault("header_missing_la", 0L);
        List<RunSummary.SourceRows> out = new ArrayList<>();
        out.add(new RunSummary.SourceRows("episodes", episodesRead, episodesKept, episodesRejected,
                episodesRead - episodesKept - episodesRejected));
        out.add(new RunSummary.SourceRows("header", headersRead, headersKept, headersLeftOut,
                headersRead - headersKept - headersLeftOut));
        operationalRead.forEach((source, read) -> {
            long rejected = otherRejects.entrySet().stream().filter(e -> e.getKey().startsWith(source + ": "))
                    .mapToLong(Map.Entry::getValue).sum();
            // Of two capacity rows for one date and provision the later counts; the other is a duplicate.
            long duplicates = source.equals(IntCapacity.SOURCE) ? warnings.getOrDefault("duplicate_capacity", 0L) : 0;
            out.add(new RunSummary.SourceRows(source, read, read - rejected - duplicates, rejected, duplicates));
        });
        return out;
    }

    private static long rows(SparkSession spark, Path snapshot, FactTable table) {
        return spark.read().parquet(snapshot.resolve(table.directory()).toString()).count();
    }

    /** Totals by a column of a written fact (counting rows, or summing {@code countColumn}). */
    private static Map<String, Long> countsBy(SparkSession spark, Path snapshot, FactTable table, Column key,
                                              String countColumn) {
        Dataset<Row> fact = spark.read().parquet(snapshot.resolve(table.directory()).toString());
        Map<String, Long> out = new TreeMap<>();
        for (Row r : fact.groupBy(key).agg(countColumn == null ? count(lit(1)) : sum(col(countColumn)))
                .collectAsList()) {
            out.put(r.getString(0), ((Number) r.get(1)).longValue());
        }
        return out;
    }
}
