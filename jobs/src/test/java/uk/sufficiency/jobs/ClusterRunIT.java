package uk.sufficiency.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.sufficiency.warehouse.Warehouse;

/**
 * Runs the command line on a real Spark standalone cluster (a master and a one-core worker started
 * from the jars the build copied to target/lib, all on 127.0.0.1) and checks it publishes exactly the
 * facts a {@code local[2]} run publishes from the same input. Runs after {@code package} (failsafe),
 * only with {@code -Dtest.excludedGroups=} (CI's .ci/run) since it is tagged "cluster".
 */
@Tag("cluster")
class ClusterRunIT {
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> VIEWS =
            List.of("episodes", "cla_month_end", "cla_year", "rejected_episodes", "data_quality");
    private static final String APP_REGISTERED = "Registered app sufficiency-warehouse";

    private static Path jobsDir;
    private static Path itDir;
    private static Path sparkHome;
    private static Path masterLog;
    private static Path workerLog;
    private static String masterUrl;
    private static final List<Process> daemons = new ArrayList<>();
    private static Thread stopOnExit;

    @BeforeAll
    static void startCluster() throws Exception {
        jobsDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path lib = jobsDir.resolve("target/lib");
        assertTrue(Files.isDirectory(lib), lib + " is missing: integration tests run after 'package'");
        itDir = Files.createDirectories(jobsDir.resolve("target/cluster-it"));
        sparkHome = Files.createTempDirectory(itDir, "spark-home-");
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        try (DirectoryStream<Path> libJars = Files.newDirectoryStream(lib, "*.jar")) {
            for (Path jar : libJars) {
                try {
                    Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
                } catch (IOException | UnsupportedOperationException noLinks) {
                    Files.copy(jar, jars.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        stopOnExit = new Thread(ClusterRunIT::destroyDaemons, "stop-spark-cluster");
        Runtime.getRuntime().addShutdownHook(stopOnExit);

        int masterPort = freePort();
        masterUrl = "spark://127.0.0.1:" + masterPort;
        masterLog = itDir.resolve("master.log");
        workerLog = itDir.resolve("worker.log");
        String daemonClasspath = jars + "/*";
        daemons.add(startDaemon(masterLog, daemonClasspath, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
                "--webui-port", String.valueOf(freePort())));
        daemons.add(startDaemon(workerLog, daemonClasspath, "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                "--webui-port", String.valueOf(freePort()),
                "--work-dir", sparkHome.resolve("work").toString(), masterUrl));
        long started = System.nanoTime();
        waitUntil(() -> read(masterLog).contains("Registering worker")
                || read(workerLog).contains("Successfully registered"), REGISTRATION_TIMEOUT,
                "the worker to register with the master");
        System.out.printf("Spark master %s and one worker up in %.1fs (logs in %s)%n",
                masterUrl, (System.nanoTime() - started) / 1e9, itDir);
    }

    @AfterAll
    static void stopCluster() {
        destroyDaemons();
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException alreadyExiting) {
                // the hook runs anyway
            }
        }
    }

    @Test
    void rulesFixtureGivesTheSameFactsOnTheClusterAsLocally() throws Exception {
        Path fixture = jobsDir.getParent().resolve("pipeline/src/test/resources/fixtures/rules");
        assertSameFactsOnClusterAndLocally("rules", fixture, "Testshire");
    }

    @Test
    void validatorFakeWithItsXmlReturnGivesTheSameFactsOnTheClusterAsLocally() throws Exception {
        Path fake = Path.of(System.getProperty("shared.dir", "../shared"), "data/ssda903/validator-fake");
        assumeTrue(Files.isDirectory(fake), "public sample " + fake + " is absent: skipped");
        assertSameFactsOnClusterAndLocally("validator-fake", fake, "FAKE");
    }

    private static void assertSameFactsOnClusterAndLocally(String name, Path input, String la) throws Exception {
        Path onCluster = Files.createTempDirectory(itDir, name + "-cluster-");
        Path local = Files.createTempDirectory(itDir, name + "-local-");
        int appsBefore = count(read(masterLog), APP_REGISTERED);
        int executorsBefore = count(read(workerLog), "Asked to launch executor");

        runCli(name + "-cluster", input, onCluster, la, masterUrl);
        assertEquals(appsBefore + 1, count(read(masterLog), APP_REGISTERED),
                "the cluster run should register one application with the master; see " + masterLog);
        assertTrue(count(read(workerLog), "Asked to launch executor") > executorsBefore,
                "the worker should have launched an executor for the cluster run; see " + workerLog);
        assertTrue(executorLogsMention("Finished task"),
                "an executor should have finished tasks; see the stderr files under " + sparkHome.resolve("work"));

        // Same installation key, so both runs give every child the same pseudonym.
        Files.copy(onCluster.resolve(".pseudonym-key"), local.resolve(".pseudonym-key"));
        runCli(name + "-local", input, local, la, "local[2]");

        try (Warehouse clusterFacts = Warehouse.openCurrent(onCluster); Warehouse localFacts = Warehouse.openCurrent(local)) {
            assertFalse(localFacts.query("SELECT * FROM episodes").isEmpty(), "the local run published no episodes");
            assertFalse(localFacts.query("SELECT * FROM cla_year").isEmpty(), "the local run published no years");
            for (String view : VIEWS) {
                String sql = "SELECT * FROM " + view + " ORDER BY ALL";
                List<Map<String, Object>> expected = localFacts.query(sql);
                List<Map<String, Object>> actual = clusterFacts.query(sql);
                assertEquals(expected.size(), actual.size(), view + ": row count on the cluster vs local[2]");
                assertEquals(expected, actual, view + ": rows on the cluster vs local[2]");
            }
        }
    }

    /** Runs {@code ./sufficiency run} as the launcher would, in a JVM of its own; fails unless it exits 0. */
    private static void runCli(String name, Path input, Path warehouse, String la, String master) throws Exception {
        Path out = itDir.resolve(name + ".out");
        Path err = itDir.resolve(name + ".err");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx2g"));
        command.addAll(addOpens());
        command.addAll(List.of("-cp", cliJar() + ":" + jobsDir.resolve("target/lib") + "/*", "uk.sufficiency.jobs.Main",
                "run", "--input", input.toString(), "--warehouse", warehouse.toString(), "--la", la, "--master", master));
        ProcessBuilder builder = new ProcessBuilder(command).directory(itDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(name + ": the run did not finish within " + RUN_TIMEOUT + "; see " + err);
            }
            assertEquals(0, process.exitValue(), name + ": the run failed; its stderr ends:\n" + tail(err, 40));
            System.out.printf("%s: run on %s exited 0 in %.1fs%n", name, master, (System.nanoTime() - started) / 1e9);
        } finally {
            destroyTree(process);
        }
    }

    private static Process startDaemon(Path log, String classpath, String mainClass, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m"));
        command.addAll(addOpens());
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(itDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private static synchronized void destroyDaemons() {
        // the worker first (it stops its executors), then the master
        for (int i = daemons.size() - 1; i >= 0; i--) {
            destroyTree(daemons.get(i));
        }
        daemons.clear();
    }

    /** Stops a process and everything it started (a worker's executors), forcibly if it lingers. */
    private static void destroyTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }

    private static void waitUntil(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            for (Process daemon : daemons) {
                if (!daemon.isAlive()) {
                    fail("A Spark daemon exited (" + daemon.exitValue() + ") while waiting for " + what
                            + ".\nMaster log ends:\n" + tail(masterLog, 20) + "\nWorker log ends:\n" + tail(workerLog, 20));
                }
            }
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout.toSeconds() + "s waiting for " + what
                        + ".\nMaster log ends:\n" + tail(masterLog, 20) + "\nWorker log ends:\n" + tail(workerLog, 20));
            }
            Thread.sleep(250);
        }
    }

    private static boolean executorLogsMention(String text) throws IOException {
        Path work = sparkHome.resolve("work");
        if (!Files.isDirectory(work)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(f -> f.getFileName().toString().equals("stderr")).anyMatch(f -> read(f).contains(text));
        }
    }

    /** The --add-opens this JVM was started with (the build's spark.addOpens list): Spark 4 needs them on Java 17. */
    private static List<String> addOpens() {
        List<String> opens = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens=")).toList();
        assertFalse(opens.isEmpty(), "this JVM was started without --add-opens; run it through Maven (failsafe's argLine)");
        return opens;
    }

    private static String cliJar() throws IOException {
        try (Stream<Path> files = Files.list(jobsDir.resolve("target"))) {
            return files.map(Path::toString)
                    .filter(f -> f.matches(".*/jobs-[^/]*\\.jar") && !f.endsWith("-sources.jar") && !f.endsWith("-tests.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no jobs jar in target: run 'package' first"));
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file, int lines) {
        List<String> all = read(file).lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }
}
