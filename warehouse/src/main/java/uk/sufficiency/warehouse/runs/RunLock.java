package uk.sufficiency.warehouse.runs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.sufficiency.warehouse.Snapshots;

/**
 * One writer per warehouse: a pipeline run, or a republish after a scenario is saved, holds an OS
 * lock on {@code runs/lock} for as long as it works, so a CLI run, the scheduler and the dashboard
 * cannot interleave. The lock dies with its process, so a killed run never leaves it held. The
 * file names the holder (pid, host, start, what), for the message the second writer gets. Taking
 * the lock also tidies what earlier holders left when killed: their staging folders and their
 * {@code runs/running} marker, recorded in the history as killed.
 */
public final class RunLock implements AutoCloseable {
    /** How long a writer waits for another to let go before saying who holds the lock. */
    public static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    /**
     * Locks this JVM holds. Closing any channel to a locked file may release the JVM's lock on it
     * (FileLock's documentation), so a second writer in this JVM is answered from here, never by
     * opening the file.
     */
    private static final Map<Path, Holder> HELD = new ConcurrentHashMap<>();

    /** Who holds the lock. */
    public record Holder(long pid, String host, Instant start, String what) {
        String describe() {
            return what + ", pid " + pid + " on " + host + ", started " + TIME.format(start);
        }
    }

    /** The lock is held by another run. */
    public static final class Busy extends IllegalStateException {
        private final transient Holder holder;

        Busy(Path warehouseDir, Holder holder) {
            super("Another run is using the warehouse " + warehouseDir + " ("
                    + (holder == null ? "holder unknown" : holder.describe()) + "); nothing was done."
                    + " Wait for it to finish, or check './sufficiency status --warehouse " + warehouseDir + "'.");
            this.holder = holder;
        }

        public Holder holder() {
            return holder;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Holder holder;

    private RunLock(Path file, FileChannel channel, FileLock lock, Holder holder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /**
     * Takes the warehouse's lock, waiting up to {@code patience} for another holder to let go, then
     * removes staging folders and records a killed run's marker (nobody else can be writing them now).
     *
     * @throws Busy naming the holder when the lock stays taken
     */
    public static RunLock acquire(Path warehouseDir, String what, Duration patience) {
        Path dir = warehouseDir.toAbsolutePath().normalize();
        Path file = dir.resolve("runs").resolve("lock");
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            RunLock taken = tryTake(file, what);
            if (taken != null) {
                try {
                    new Snapshots(dir).removeStaging();
                    new RunHistory(dir).recordKilled();
                } catch (RuntimeException e) {
                    taken.close();
                    throw e;
                }
                return taken;
            }
            if (System.nanoTime() >= deadline) {
                throw new Busy(dir, holder(file));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy(dir, holder(file));
            }
        }
    }

    /** The lock, or null when another process or thread holds it. */
    private static synchronized RunLock tryTake(Path file, String what) {
        if (HELD.containsKey(file)) {
            return null;
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            Holder holder = new Holder(ProcessHandle.current().pid(), host(), Instant.now(), what);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(holder)), 0);
            channel.force(false);
            HELD.put(file, holder);
            return new RunLock(file, channel, lock, holder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot take the run lock " + file, e);
        }
    }

    private static Holder holder(Path file) {
        Holder inThisJvm = HELD.get(file);
        if (inThisJvm != null) {
            return inThisJvm;
        }
        try {
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Holder.class);
        } catch (IOException e) {
            return null; // written a moment after the lock is taken: not there yet
        }
    }

    /** This machine's name, as the lock and the running marker record it. */
    static String host() {
        return Host.NAME;
    }

    /** Looked up once: a slow name service should not slow every lock. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown host";
            }
        }
    }

    public Holder holder() {
        return holder;
    }

    @Override
    public synchronized void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the run lock " + file, e);
        } finally {
            HELD.remove(file);
        }
    }
}
