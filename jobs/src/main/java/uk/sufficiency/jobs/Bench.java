package uk.sufficiency.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import uk.sufficiency.pipeline.RunOptions;
import uk.sufficiency.pipeline.RunSummary;
import uk.sufficiency.pipeline.synthetic.GeneratedSummary;
import uk.sufficiency.pipeline.synthetic.GeneratorOptions;
import uk.sufficiency.pipeline.synthetic.SyntheticReturns;
import uk.sufficiency.warehouse.Warehouse;

/**
 * {@code ./sufficiency bench}: generates a national-size pooled extract (150 LAs x 10 years by
 * default), runs the pipeline on it in this JVM, times queries of the published views, and compares
 * with a baseline: the same counting rules as one hand-written DuckDB script over the raw CSV files
 * (resources/bench/reference-duckdb.sql), whose 31 March and month-end figures must agree with the
 * pipeline's. Reports rows, times, the pipeline-to-baseline ratio and peak memory (docs/benchmark.md).
 */
final class Bench {
    static final int DEFAULT_LAS = 150;
    static final int DEFAULT_YEARS = 10;
    static final long SEED = 2022;
    static final int LAST_YEAR = 2024;
    static final double TARGET_RATIO = 3.0;
    static final String REFERENCE_SQL = "/bench/reference-duckdb.sql";
    static final String MONTH_END_QUERY = "SELECT la, month_end, category, count(*) FROM cla_month_end GROUP BY ALL";
    static final String YEAR_QUERY = "SELECT * FROM cla_year";

    private static final Pattern PROGRESS = Pattern.compile("^\\[\\s*[0-9.]+s\\] (.*)$");
    private static final Pattern CREATES = Pattern.compile("(?i)CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TEMP\\s+)?TABLE\\s+(\\w+)");
    private static final int MAX_DIFFERENCES = 10;

    private Bench() {
    }

    static int run(Path workDir, int las, int years, PrintStream out, PrintStream err) {
        try {
            return new Bench().measure(workDir.toAbsolutePath(), las, years, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("bench: DuckDB failed: " + e.getMessage(), e);
        }
    }

    private int measure(Path workDir, int las, int years, PrintStream out, PrintStream err)
            throws IOException, SQLException {
        GeneratorOptions options = new GeneratorOptions(workDir.resolve("input"), las, years, SEED, LAST_YEAR);
        Path warehouseDir = workDir.resolve("warehouse");

        String loadAtStart = loadAverage();
        // 1. the pooled extract, generated once per set of options
        Input input = input(options, workDir.resolve("input.properties"), err);

        // 2. the pipeline, in process, on every core (local[*])
        err.println("Running the pipeline on " + options.outDir());
        resetPeaks();
        long gcBefore = gcMillis();
        long cpuBefore = processCpuNanos();
        HeapSampler heap = HeapSampler.start();
        StageClock stages = new StageClock(err);
        long pipelineStart = System.nanoTime();
        RunSummary summary;
        try (PrintStream progress = new PrintStream(stages, true, StandardCharsets.UTF_8)) {
            summary = Commands.runPipeline(new RunOptions(options.outDir(), warehouseDir, null, null), progress);
        }
        long pipelineNanos = System.nanoTime() - pipelineStart;
        stages.end(pipelineStart + pipelineNanos);
        long pipelineCpu = processCpuNanos() - cpuBefore;
        long pipelineGc = gcMillis() - gcBefore;
        long pipelineHeapPeak = heap.stop();
        long pipelinePoolPeaks = heapPoolPeaks();
        long pipelineRss = vmHwmBytes();
        String loadAfterPipeline = loadAverage();
        scala.Option<SparkSession> spark = SparkSession.getDefaultSession();
        if (spark.isDefined()) {
            spark.get().stop(); // frees its memory and cores before DuckDB runs
        }

        // 3. the published views, as an analyst or the dashboard reads them
        err.println("Querying the published views");
        List<Map<String, Object>> monthEnds;
        List<Map<String, Object>> yearly;
        long openNanos;
        long monthEndNanos;
        long yearNanos;
        long t = System.nanoTime();
        try (Warehouse warehouse = Warehouse.openCurrent(warehouseDir)) {
            openNanos = System.nanoTime() - t;
            t = System.nanoTime();
            monthEnds = warehouse.query(MONTH_END_QUERY);
            monthEndNanos = System.nanoTime() - t;
            t = System.nanoTime();
            yearly = warehouse.query(YEAR_QUERY);
            yearNanos = System.nanoTime() - t;
        }

        // 4. the baseline: the same rules as one DuckDB script on the raw CSV files
        err.println("Running the DuckDB baseline (" + REFERENCE_SQL + ")");
        Baseline baseline = baseline(options.outDir());

        // 5. report
        List<String> differences = new ArrayList<>();
        compare("31 March looked after (cla_year.looked_after_31_march)",
                keyed(yearly, "la", "year", "looked_after_31_march"), baseline.yearStock, differences);
        compare("started in year (cla_year.started)", keyed(yearly, "la", "year", "started"), baseline.started, differences);
        compare("ceased in year (cla_year.ceased)", keyed(yearly, "la", "year", "ceased"), baseline.ceased, differences);
        compare("month-end stock by category (cla_month_end)", keyedByPosition(monthEnds), baseline.monthEnds, differences);

        long totalRows = input.episodeRows + input.headerRows;
        int cores = Runtime.getRuntime().availableProcessors();
        double pipelineSeconds = pipelineNanos / 1e9;
        double viewSeconds = (openNanos + monthEndNanos + yearNanos) / 1e9;
        out.printf("%nSufficiency Warehouse benchmark: %d LAs x %d years (collection years %d-%d, seed %d)%n",
                las, years, options.firstYear(), options.lastYear(), SEED);
        out.printf("Machine: %d cores, %s memory; Java %s; max heap %s%n", cores, bytes(totalMemoryBytes()),
                System.getProperty("java.runtime.version"), bytes(Runtime.getRuntime().maxMemory()));
        out.printf("Load:     1-minute load average %s at the start, %s after the pipeline "
                        + "(about %d while the pipeline runs alone; more means other processes competed for the cores)%n",
                loadAtStart, loadAfterPipeline, cores);
        out.printf("Input:    %,d rows (%,d episode + %,d header) in %d files, %s; %s%n", totalRows,
                input.episodeRows, input.headerRows, input.files, bytes(input.bytes),
                input.generatedNow ? String.format("generated in %.1f s", input.generationSeconds)
                        : String.format("reused (generated earlier in %.1f s)", input.generationSeconds));
        out.printf("Pipeline: %.1f s wall (Spark local[*], in process), %,d rows read, %,d rejected; CPU %.0f%% of %d cores; GC %.1f s%n",
                pipelineSeconds, summary.rowsRead(), summary.rejectedTotal(),
                100.0 * pipelineCpu / (pipelineNanos * (double) cores), cores, pipelineGc / 1e3);
        for (Map.Entry<String, Long> stage : stages.durations().entrySet()) {
            out.printf("    %6.1f s  %s%n", stage.getValue() / 1e9, stage.getKey());
        }
        out.printf("Views:    %.2f s to open, %.2f s for `%s` (%,d rows), %.2f s for `%s` (%,d rows)%n",
                openNanos / 1e9, monthEndNanos / 1e9, MONTH_END_QUERY, monthEnds.size(), yearNanos / 1e9, YEAR_QUERY,
                yearly.size());
        out.printf("Baseline: %.1f s wall (DuckDB %s, in memory, %d threads, %s); CPU %.0f%% of %d cores%n",
                baseline.nanos / 1e9, baseline.version, cores, REFERENCE_SQL.substring(1),
                100.0 * baseline.cpuNanos / (baseline.nanos * (double) cores), cores);
        for (Map.Entry<String, Long> statement : baseline.statements.entrySet()) {
            out.printf("    %6.1f s  %s%n", statement.getValue() / 1e9, statement.getKey());
        }
        out.printf("Ratio:    pipeline / baseline = %.1fx; pipeline + view queries / baseline = %.1fx (aim: within %.0fx)%n",
                pipelineSeconds / (baseline.nanos / 1e9), (pipelineSeconds + viewSeconds) / (baseline.nanos / 1e9),
                TARGET_RATIO);
        // The baseline does what the 903 pipeline does; the forecast is work it has no part of.
        double forecastSeconds = stages.durations().entrySet().stream().filter(e -> e.getKey().startsWith("Forecast"))
                .mapToLong(Map.Entry::getValue).sum() / 1e9;
        out.printf("          without the forecast stages (%.1f s): pipeline / baseline = %.1fx%n", forecastSeconds,
                (pipelineSeconds - forecastSeconds) / (baseline.nanos / 1e9));
        out.printf("Memory:   peak resident set %s during the pipeline, %s overall (VmHWM); peak heap used %s sampled, "
                        + "%s as the sum of the heap pools' peaks (upper bound)%n",
                bytes(pipelineRss), bytes(vmHwmBytes()), bytes(pipelineHeapPeak), bytes(pipelinePoolPeaks));
        if (differences.isEmpty()) {
            out.printf("Figures agree: %,d LA-years (31 March, started, ceased) and %,d LA x month end x category counts%n",
                    baseline.yearStock.size(), baseline.monthEnds.size());
            return 0;
        }
        out.println("Figures DIFFER between the pipeline and the DuckDB baseline:");
        differences.forEach(d -> out.println("  " + d));
        return 1;
    }

    // ----- input -----

    private record Input(long episodeRows, long headerRows, int files, long bytes, double generationSeconds,
                         boolean generatedNow) {
    }

    private static Input input(GeneratorOptions options, Path marker, PrintStream err) throws IOException {
        String wanted = "las=" + options.las() + " years=" + options.years() + " seed=" + options.seed()
                + " lastYear=" + options.lastYear();
        if (Files.isRegularFile(marker) && Files.isDirectory(options.outDir())) {
            Properties recorded = new Properties();
            try (InputStream in = Files.newInputStream(marker)) {
                recorded.load(in);
            }
            if (wanted.equals(recorded.getProperty("options"))) {
                err.println("Reusing the extract generated earlier in " + options.outDir() + " (" + wanted + ")");
                return new Input(Long.parseLong(recorded.getProperty("episodeRows")),
                        Long.parseLong(recorded.getProperty("headerRows")),
                        Integer.parseInt(recorded.getProperty("files")), folderBytes(options.outDir()),
                        Double.parseDouble(recorded.getProperty("generationSeconds")), false);
            }
        }
        Files.deleteIfExists(marker);
        deleteTree(options.outDir());
        err.println("Generating " + options.las() + " LAs x " + options.years() + " years into " + options.outDir());
        long start = System.nanoTime();
        GeneratedSummary generated = SyntheticReturns.write(options);
        double seconds = (System.nanoTime() - start) / 1e9;
        Properties recorded = new Properties();
        recorded.setProperty("options", wanted);
        recorded.setProperty("episodeRows", Long.toString(generated.episodeRows()));
        recorded.setProperty("headerRows", Long.toString(generated.headerRows()));
        recorded.setProperty("files", Integer.toString(generated.files().size()));
        recorded.setProperty("generationSeconds", String.format("%.3f", seconds));
        try (OutputStream o = Files.newOutputStream(marker)) {
            recorded.store(o, "the extract in input/ was generated with these options (./sufficiency bench)");
        }
        return new Input(generated.episodeRows(), generated.headerRows(), generated.files().size(),
                folderBytes(options.outDir()), seconds, true);
    }

    private static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ----- baseline -----

    private static final class Baseline {
        final Map<String, Long> statements = new LinkedHashMap<>();
        final Map<String, Long> yearStock = new TreeMap<>();
        final Map<String, Long> started = new TreeMap<>();
        final Map<String, Long> ceased = new TreeMap<>();
        final Map<String, Long> monthEnds = new TreeMap<>();
        long nanos;
        long cpuNanos;
        String version;
    }

    private static Baseline baseline(Path inputDir) throws IOException, SQLException {
        String script;
        try (InputStream in = Bench.class.getResourceAsStream(REFERENCE_SQL)) {
            if (in == null) {
                throw new IllegalStateException("bench: " + REFERENCE_SQL + " is missing from the jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        script = script.replace("{{episodes}}", sqlString(inputDir.resolve("episodes*.csv").toString()))
                .replace("{{headers}}", sqlString(inputDir.resolve("header*.csv").toString()));
        Baseline result = new Baseline();
        Properties properties = new Properties();
        properties.setProperty("threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
             Statement statement = connection.createStatement()) {
            try (ResultSet version = statement.executeQuery("SELECT version()")) {
                version.next();
                result.version = version.getString(1);
            }
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            for (String sql : statements(script)) {
                Matcher creates = CREATES.matcher(sql);
                String label = creates.find() ? creates.group(1) : sql.lines().findFirst().orElse("statement");
                long t = System.nanoTime();
                statement.execute(sql);
                result.statements.put(label, System.nanoTime() - t);
            }
            result.nanos = System.nanoTime() - start;
            result.cpuNanos = processCpuNanos() - cpuBefore;
            try (ResultSet rows = statement.executeQuery(
                    "SELECT la, year, looked_after_31_march, started, ceased FROM ref_year")) {
                while (rows.next()) {
                    String key = rows.getString(1) + " " + rows.getObject(2);
                    result.yearStock.put(key, rows.getLong(3));
                    result.started.put(key, rows.getLong(4));
                    result.ceased.put(key, rows.getLong(5));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT la, month_end, category, sum(children) FROM ref_month_end_stock GROUP BY ALL")) {
                while (rows.next()) {
                    result.monthEnds.put(rows.getString(1) + " " + rows.getObject(2) + " " + rows.getString(3),
                            rows.getLong(4));
                }
            }
        }
        return result;
    }

    /** The script's statements: each ends with a semicolon at the end of a line; comment lines dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.lines().toList()) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String sqlString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    // ----- comparing -----

    private static Map<String, Long> keyed(List<Map<String, Object>> rows, String first, String second, String value) {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            Object v = row.get(value);
            out.put(row.get(first) + " " + row.get(second), v == null ? 0L : ((Number) v).longValue());
        }
        return out;
    }

    /** la, month_end, category, count in that order. */
    private static Map<String, Long> keyedByPosition(List<Map<String, Object>> rows) {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            List<Object> cells = new ArrayList<>(row.values());
            out.put(cells.get(0) + " " + cells.get(1) + " " + cells.get(2), ((Number) cells.get(3)).longValue());
        }
        return out;
    }

    private static void compare(String what, Map<String, Long> pipeline, Map<String, Long> baseline,
                                List<String> differences) {
        int shown = 0;
        int total = 0;
        for (String key : new TreeSet<>(union(pipeline.keySet(), baseline.keySet()))) {
            Long p = pipeline.getOrDefault(key, 0L);
            Long b = baseline.getOrDefault(key, 0L);
            if (!p.equals(b)) {
                total++;
                if (shown++ < MAX_DIFFERENCES) {
                    differences.add(String.format("%s, %s: pipeline %d, baseline %d", what, key, p, b));
                }
            }
        }
        if (total > MAX_DIFFERENCES) {
            differences.add(String.format("%s: %d more differences", what, total - MAX_DIFFERENCES));
        }
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ----- measuring -----

    /** Tees the pipeline's progress lines to stderr and notes when each stage began. */
    /** The per-LA projection stages, reported as one. */
    private static final String FORECAST_STAGE = "Forecast: projections, spend, gap and backtest of every LA";

    private static final class StageClock extends OutputStream {
        private final PrintStream err;
        private final StringBuilder line = new StringBuilder();
        private final List<String> names = new ArrayList<>();
        private final List<Long> starts = new ArrayList<>();
        private long end;

        StageClock(PrintStream err) {
            this.err = err;
        }

        @Override
        public synchronized void write(int b) {
            err.write(b);
            if (b == '\n') {
                Matcher m = PROGRESS.matcher(line.toString().stripTrailing());
                if (m.matches()) {
                    names.add(m.group(1));
                    starts.add(System.nanoTime());
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        void end(long endNanos) {
            this.end = endNanos;
        }

        /** Each stage's duration, to the next stage (the last one to the end of the run). */
        synchronized Map<String, Long> durations() {
            Map<String, Long> out = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                long until = i + 1 < starts.size() ? starts.get(i + 1) : end;
                String name = names.get(i).replaceAll("^Published .*", "Published (rename, current pointer)")
                        .replaceAll("^Forecast for .*", FORECAST_STAGE);
                out.merge(name, until - starts.get(i), Long::sum);
            }
            return out;
        }
    }

    /** Samples the heap in use every 100 ms: a truer peak than the pools' separate peaks. */
    private static final class HeapSampler implements Runnable {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread = new Thread(sampler, "bench-heap-sampler");
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() {
            running = false;
            thread.interrupt();
            return peak.get();
        }
    }

    /** Resets the heap pools' peaks and, where Linux allows, the process's peak resident set. */
    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException cannot) {
            // then VmHWM also covers generating the input, which needs little memory
        }
    }

    /** The 1-minute load average (/proc/loadavg), or "unknown". */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long heapPoolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed()).sum();
    }

    /** The process's peak resident set (VmHWM in /proc/self/status), or -1 where there is none. */
    private static long vmHwmBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static long totalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String bytes(long n) {
        if (n < 0) {
            return "unknown";
        }
        if (n >= 1L << 30) {
            return String.format("%.1f GiB", n / (double) (1L << 30));
        }
        return String.format("%.0f MiB", n / (double) (1L << 20));
    }
}
