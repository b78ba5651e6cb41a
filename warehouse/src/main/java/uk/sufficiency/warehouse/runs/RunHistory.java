package uk.sufficiency.warehouse.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The runs a warehouse has seen, for {@code ./sufficiency status}: {@code runs/history.jsonl} gets
 * one JSON line per finished run (append-only, so a crash can at worst leave one torn last line,
 * which reading skips), and {@code runs/running} exists only while a run is in progress.
 */
public final class RunHistory {
    private static final System.Logger LOG = System.getLogger(RunHistory.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Lines written by a later version may carry fields this one does not know.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final DateTimeFormatter START_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String ROW = "%-19s  %8s  %-9s  %-9s  %10s  %8s  %s%n";

    /**
     * The content of the running marker: when, why, and which process (pid and host, null in markers
     * written before they were recorded) on which input folder.
     */
    public record Running(Instant start, RunRecord.Trigger trigger, Long pid, String host, String inputDir) {
        /** A run of this process. */
        public Running(Instant start, RunRecord.Trigger trigger, Path inputDir) {
            this(start, trigger, ProcessHandle.current().pid(), RunLock.host(),
                    inputDir == null ? null : inputDir.toAbsolutePath().normalize().toString());
        }

        /** True when the marker's process, on this machine, has ended: the run was killed or crashed. */
        public boolean processGone() {
            return pid != null && RunLock.host().equals(host)
                    && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private final Path warehouseDir;
    private final Path historyFile;
    private final Path runningFile;

    public RunHistory(Path warehouseDir) {
        this.warehouseDir = warehouseDir.toAbsolutePath().normalize();
        Path runs = this.warehouseDir.resolve("runs");
        this.historyFile = runs.resolve("history.jsonl");
        this.runningFile = runs.resolve("running");
    }

    public Path warehouseDir() {
        return warehouseDir;
    }

    /** Writes the running marker; replaced whole, so a reader never sees half of it. */
    public void started(Running running) {
        try {
            Files.createDirectories(runningFile.getParent());
            Path temp = runningFile.resolveSibling("running.tmp");
            Files.writeString(temp, JSON.writeValueAsString(running), StandardCharsets.UTF_8);
            Files.move(temp, runningFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + runningFile, e);
        }
    }

    /** The run in progress, if any. A marker left by a killed process shows until the next run replaces it. */
    public Optional<Running> running() {
        try {
            return Optional.of(JSON.readValue(Files.readString(runningFile, StandardCharsets.UTF_8), Running.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + runningFile, e);
        }
    }

    /** Appends the finished run and removes the running marker. */
    public void finished(RunRecord record) {
        try {
            Files.createDirectories(historyFile.getParent());
            // One small O_APPEND write per line, so lines from two processes do not interleave.
            Files.writeString(historyFile, JSON.writeValueAsString(record) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.deleteIfExists(runningFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the run in " + historyFile, e);
        }
    }

    /**
     * Records a marker left by a run that never finished as a killed run and removes it. Only the
     * holder of the {@link RunLock} calls this: then no run can be in progress.
     */
    void recordKilled() {
        Optional<Running> left = running();
        if (left.isEmpty()) {
            return;
        }
        Running r = left.get();
        Instant noticed = Instant.now();
        String who = r.pid() == null ? "its process" : "its process (pid " + r.pid() + " on " + r.host() + ")";
        finished(RunRecord.killed(r.start(), noticed, r.trigger(), r.inputDir(), warehouseDir,
                "Killed: the run ended without finishing, " + who + " gone; noticed "
                        + START_FORMAT.withZone(ZoneId.systemDefault()).format(noticed)
                        + ". It published nothing."));
    }

    /** The newest {@code n} finished runs, newest first. */
    public List<RunRecord> recent(int n) {
        List<String> lines;
        try {
            lines = Files.readAllLines(historyFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + historyFile, e);
        }
        List<RunRecord> newestFirst = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && newestFirst.size() < n; i--) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                newestFirst.add(JSON.readValue(lines.get(i), RunRecord.class));
            } catch (JsonProcessingException e) {
                LOG.log(System.Logger.Level.WARNING, "Skipping unreadable line {0} of {1}: {2}", i + 1, historyFile,
                        e.getOriginalMessage());
            }
        }
        return newestFirst;
    }

    /** The status table of the newest {@code n} runs, times in the machine's zone. */
    public String format(int n) {
        return format(n, ZoneId.systemDefault());
    }

    public String format(int n, ZoneId zone) {
        DateTimeFormatter startFormat = START_FORMAT.withZone(zone);
        StringBuilder out = new StringBuilder();
        running().ifPresent(r -> out.append(String.format(Locale.UK, r.processGone()
                        ? "Killed: the run started %s (%s) ended without finishing; its process is gone.%n%n"
                        : "Running now: started %s (%s)%n%n",
                startFormat.format(r.start()), r.trigger())));
        List<RunRecord> runs = recent(n);
        if (runs.isEmpty()) {
            return out.append("Run history: no runs recorded yet.\n").toString();
        }
        out.append(String.format(Locale.UK, ROW,
                "Start", "Duration", "Trigger", "Outcome", "Rows read", "Rejected", "Snapshot or error"));
        for (RunRecord r : runs) {
            boolean ok = r.outcome() == RunRecord.Outcome.SUCCEEDED;
            out.append(String.format(Locale.UK, ROW,
                    startFormat.format(r.start()), r.outcome() == RunRecord.Outcome.KILLED ? "-" : duration(r.duration()),
                    r.trigger(), r.outcome(),
                    count(r.rowsRead()), count(r.rejectedTotal()),
                    ok ? r.snapshot() : r.error().lines().findFirst().orElse("")));
        }
        return out.toString();
    }

    private static String count(Long n) {
        return n == null ? "-" : String.format(Locale.UK, "%,d", n);
    }

    private static String duration(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.UK, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.UK, "%dh %02dm", s / 3600, s % 3600 / 60);
    }
}
