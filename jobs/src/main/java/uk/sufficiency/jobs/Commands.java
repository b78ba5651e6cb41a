package uk.sufficiency.jobs;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import uk.sufficiency.dashboard.DashboardServer;
import uk.sufficiency.dashboard.ServerSettings;
import uk.sufficiency.dashboard.auth.Users;
import uk.sufficiency.jobs.schedule.RecordedRun;
import uk.sufficiency.pipeline.PipelineRun;
import uk.sufficiency.pipeline.Progress;
import uk.sufficiency.pipeline.RunOptions;
import uk.sufficiency.pipeline.RunSummary;
import uk.sufficiency.pipeline.SparkSessions;
import uk.sufficiency.pipeline.synthetic.GeneratedSummary;
import uk.sufficiency.pipeline.synthetic.GeneratorOptions;
import uk.sufficiency.pipeline.synthetic.SyntheticReturns;
import uk.sufficiency.warehouse.ReadOnlySql;
import uk.sufficiency.warehouse.Snapshots;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunLock;
import uk.sufficiency.warehouse.runs.RunRecord;

/** What each subcommand does; {@link Main} parses and reports errors. */
final class Commands {
    static final int DEFAULT_PORT = 7070;
    static final String DEMO_LA = "Demo County";

    private Commands() {
    }

    static int run(Args args, PrintStream out, PrintStream err) {
        RunOptions options = new RunOptions(args.path("input"), args.path("warehouse"), args.get("la", null),
                args.get("master", null));
        try {
            out.print(recordedRun(options, err).format());
            return 0;
        } catch (RunFailed e) {
            err.println("error: " + e.getMessage());
            err.println("Nothing was published; the previous snapshot (if any) stays current.");
            return 1;
        }
    }

    /** A run that failed; its error is already in the run history. */
    static final class RunFailed extends RuntimeException {
        RunFailed(String message) {
            super(message);
        }
    }

    /** Runs the pipeline once, recorded in the warehouse's run history (./sufficiency status, the data-quality page). */
    static RunSummary recordedRun(RunOptions options, PrintStream progressOut) {
        RunSummary[] summary = new RunSummary[1];
        RunRecord record = new RecordedRun(new RunHistory(options.warehouseDir()), options.inputDir(),
                () -> summary[0] = runPipeline(options, progressOut)).run(RunRecord.Trigger.MANUAL);
        if (record.outcome() == RunRecord.Outcome.FAILED) {
            throw new RunFailed(record.error());
        }
        return summary[0];
    }

    static RunSummary runPipeline(RunOptions options, PrintStream progressOut) {
        long start = System.nanoTime();
        Progress progress = message -> progressOut.printf("[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
        progress.step("Starting Spark (" + options.master() + ")");
        SparkSession spark = SparkSessions.getOrCreate(options.master());
        return PipelineRun.run(spark, options, progress);
    }

    static int sql(Args args, PrintStream out) throws SQLException {
        if (args.positional().size() != 1) {
            throw new Args.UsageError("'sql' takes exactly one quoted statement");
        }
        try (ReadOnlySql session = ReadOnlySql.open(new Snapshots(args.path("warehouse")).requireCurrent())) {
            StringBuilder csv = new StringBuilder();
            session.writeCsv(args.positional().get(0), csv);
            out.print(csv);
        }
        return 0;
    }

    static int serve(Args args, PrintStream out) throws InterruptedException {
        String host = args.get("host", "127.0.0.1");
        int port = args.integer("port", DEFAULT_PORT);
        DashboardServer.start(args.path("warehouse"), host, port, serverSettings(args));
        out.printf("Dashboard: http://%s:%d/  (Ctrl-C stops)%n", host.contains(":") ? "[" + host + "]" : host, port);
        Thread.currentThread().join();
        return 0;
    }

    /** {@code --secure-cookies true|false} and {@code --trusted-proxy ADDR[,ADDR...]} (docs/security.md). */
    static ServerSettings serverSettings(Args args) {
        String secure = args.get("secure-cookies", "false");
        if (!secure.equals("true") && !secure.equals("false")) {
            throw new Args.UsageError("--secure-cookies must be true or false, not '" + secure + "'");
        }
        Set<String> proxies = new LinkedHashSet<>();
        for (String proxy : args.get("trusted-proxy", "").split(",")) {
            if (!proxy.isBlank()) {
                proxies.add(proxy.strip());
            }
        }
        return ServerSettings.DEFAULTS.withSecureCookies(Boolean.parseBoolean(secure)).withTrustedProxies(proxies);
    }

    static int generate(Args args, PrintStream out) throws IOException {
        GeneratorOptions defaults = GeneratorOptions.defaults(args.path("out"));
        GeneratorOptions options = new GeneratorOptions(defaults.outDir(), args.integer("las", defaults.las()),
                args.integer("years", defaults.years()), args.integer("seed", (int) defaults.seed()), defaults.lastYear());
        GeneratedSummary generated = SyntheticReturns.write(options);
        out.printf("Wrote %d files for %d LA(s) to %s: %,d episode rows, %,d header rows%n",
                generated.files().size(), generated.laNames().size(), options.outDir(),
                generated.episodeRows(), generated.headerRows());
        return 0;
    }

    static int demo(Args args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Path work = Path.of(args.get("work", Main.defaultWork("demo-work").toString()));
        Path warehouseDir = demoWarehouse(work, out, err);
        int port = args.integer("port", DEFAULT_PORT);
        String demoPassword = Users.createDemoUser(warehouseDir, DEMO_LA);
        DashboardServer.start(warehouseDir, "127.0.0.1", port);
        out.printf("%nDemo dashboard: http://localhost:%d/  (Ctrl-C stops)%n", port);
        out.printf("Sign in as '%s' with the password %s (a new one each time the demo starts)%n",
                Users.DEMO_USERNAME, demoPassword);
        out.printf("Query it: ./sufficiency sql --warehouse %s \"SELECT * FROM cla_year\"%n", warehouseDir);
        Thread.currentThread().join();
        return 0;
    }

    /**
     * What {@code demo} serves: generates the demo county's returns into {@code WORK/input}, runs the
     * pipeline on them into {@code WORK/warehouse} and prints the run's summary to {@code summaryOut}.
     */
    static Path demoWarehouse(Path work, PrintStream summaryOut, PrintStream err) throws IOException {
        Path input = work.resolve("input");
        Path warehouseDir = work.resolve("warehouse");
        err.println("Generating the demo county's returns into " + input);
        SyntheticReturns.write(GeneratorOptions.defaults(input));
        RunSummary summary = recordedRun(new RunOptions(input, warehouseDir, DEMO_LA, null), err);
        summaryOut.print(summary.format());
        return warehouseDir;
    }

    /**
     * A bounded load test of the dashboard on 127.0.0.1 ({@link LoadTest}): on the demo warehouse,
     * built as {@code demo} builds it (into {@code --work}), or on an existing {@code --warehouse}.
     */
    static int loadtest(Args args, PrintStream out, PrintStream err) throws IOException {
        int requests = args.integer("requests", LoadTest.DEFAULT_REQUESTS);
        Duration budget = Duration.ofSeconds(args.integer("seconds", LoadTest.DEFAULT_SECONDS));
        LoadTest.checkBounds(requests, budget); // before minutes of building the demo warehouse
        String existing = args.get("warehouse", null);
        if (existing != null) {
            if (args.get("work", null) != null) {
                throw new Args.UsageError("'loadtest' takes --work (to build the demo warehouse) or --warehouse, not both");
            }
            // A regional analyst's view: every LA of the warehouse exactly, whatever it holds.
            return LoadTest.run(Path.of(existing), Users.ALL_LAS, requests, budget, out, err);
        }
        Path work = Path.of(args.get("work", Main.defaultWork("work/loadtest").toString()));
        Path warehouseDir = demoWarehouse(work, err, err);
        scala.Option<SparkSession> spark = SparkSession.getDefaultSession();
        if (spark.isDefined()) {
            spark.get().stop(); // the dashboard is measured as `serve` runs it, without Spark beside it
        }
        return LoadTest.run(warehouseDir, DEMO_LA, requests, budget, out, err);
    }

    static int schedule(Args args, PrintStream out) throws InterruptedException {
        RunOptions options = new RunOptions(args.path("input"), args.path("warehouse"), args.get("la", null),
                args.get("master", null));
        ScheduleCommand.run(options, args.required("cron"), Duration.ofSeconds(args.integer("poll", 30)), out);
        return 0;
    }

    static int status(Args args, PrintStream out) {
        RunHistory history = new RunHistory(args.path("warehouse"));
        if (history.running().map(RunHistory.Running::processGone).orElse(false)) {
            // A killed run's marker: taking the lock (free, as its holder is gone) records it as killed.
            try (RunLock lock = RunLock.acquire(history.warehouseDir(), "status", Duration.ZERO)) {
                // recorded on acquiring
            } catch (RunLock.Busy | UncheckedIOException e) {
                // a new run took over, or the warehouse is read-only: the table still shows it as killed
            }
        }
        out.print(history.format(20));
        return 0;
    }

    static int bench(Args args, PrintStream out, PrintStream err) {
        Path work = Path.of(args.get("work", Main.defaultWork("bench-work").toString()));
        return Bench.run(work, args.integer("las", Bench.DEFAULT_LAS), args.integer("years", Bench.DEFAULT_YEARS),
                out, err);
    }
}
