package uk.sufficiency.dashboard.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.sufficiency.warehouse.Csv;

/**
 * The dashboard's users, kept in {@code WAREHOUSE/users.csv}: a header row
 * {@value #HEADER}, then one row per user. {@code la} is an LA exactly as the warehouse names it,
 * or {@value #ALL_LAS} for a regional analyst; {@code role} is {@code viewer} or {@code admin};
 * {@code password_hash} is bcrypt (cost {@value #DEFAULT_COST} unless told otherwise).
 *
 * <p>{@link #addOrReplace} and {@link #remove} rewrite the file at once, atomically, readable by
 * its owner only. A running dashboard picks up changes on the next request ({@link #reloadIfChanged}),
 * so adding, changing or removing a user needs no restart. A file that cannot be read is treated as
 * holding no users (nobody can sign in) rather than as the last version that could.
 */
public final class Users {
    public static final String FILE_NAME = "users.csv";
    public static final String HEADER = "username,la,role,password_hash";
    public static final String ALL_LAS = "*";
    public static final int DEFAULT_COST = 12;
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final String DEMO_USERNAME = "demo";

    private static final System.Logger LOG = System.getLogger(Users.class.getName());
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[abxy]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final int cost;
    private final Map<Integer, String> dummyHashes = new ConcurrentHashMap<>();
    private Map<String, User> byName = Map.of(); // guarded by this; file order
    private Stamp loaded; // guarded by this; the file as last read, or null if absent

    private Users(Path file, int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be " + BCrypt.MIN_COST + " to " + BCrypt.MAX_COST);
        }
        this.file = file.toAbsolutePath().normalize();
        this.cost = cost;
    }

    /** The users of a warehouse directory; an absent file means no users yet. New passwords get cost {@value #DEFAULT_COST}. */
    public static Users load(Path warehouseDir) {
        return load(warehouseDir, DEFAULT_COST);
    }

    /** As {@link #load(Path)} with another bcrypt cost for new passwords (tests use a low one to run fast). */
    public static Users load(Path warehouseDir, int cost) {
        Users users = new Users(warehouseDir.resolve(FILE_NAME), cost);
        synchronized (users) {
            users.read(true);
        }
        return users;
    }

    /**
     * Creates or replaces the user {@value #DEMO_USERNAME}, an administrator of {@code la} (so the demo
     * can save forecast scenarios), with a fresh random password, and returns that password: print it
     * once, it is stored only as a hash.
     */
    public static String createDemoUser(Path warehouseDir, String la) {
        String password = Tokens.randomBase64Url(18); // 144 bits in 24 characters
        load(warehouseDir).addOrReplace(DEMO_USERNAME, la, Role.ADMIN.code(), password.toCharArray());
        return password;
    }

    public Path file() {
        return file;
    }

    public synchronized List<User> all() {
        return List.copyOf(byName.values());
    }

    public synchronized boolean isEmpty() {
        return byName.isEmpty();
    }

    public synchronized Optional<User> find(String username) {
        return Optional.ofNullable(byName.get(normaliseUsername(username)));
    }

    /**
     * Adds a user, or replaces the one of that name, and rewrites the file. The username is stored
     * lower-case; {@code la} is an LA exactly as the warehouse names it or {@value #ALL_LAS};
     * {@code role} is {@code viewer} or {@code admin}; the password needs {@value #MIN_PASSWORD_LENGTH}
     * characters or more and at most {@value #MAX_PASSWORD_BYTES} bytes of UTF-8. The password array
     * is cleared, whether or not the user could be added.
     *
     * @throws IllegalArgumentException naming what is wrong with the username, LA, role or password
     */
    public User addOrReplace(String username, String la, String role, char[] password) {
        try {
            String name = normaliseUsername(username);
            if (!USERNAME.matcher(name).matches()) {
                throw new IllegalArgumentException("A username is 1 to 64 characters: letters, digits and . _ @ -, "
                        + "starting with a letter or digit; refused: '" + username + "'");
            }
            String scope = la == null ? "" : la.strip();
            if (scope.isEmpty() || scope.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("Name the user's local authority exactly as the warehouse does, "
                        + "or '" + ALL_LAS + "' for a regional analyst who sees every LA");
            }
            Role parsedRole = Role.parse(role);
            checkPassword(password);
            String hash = BCrypt.withDefaults().hashToString(cost, password);
            User user = new User(name, scope, parsedRole, hash);
            synchronized (this) {
                read(true); // keep any change made meanwhile by another process; never overwrite a damaged file
                Map<String, User> next = new LinkedHashMap<>(byName);
                next.put(name, user);
                write(next);
            }
            return user;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Removes a user and rewrites the file; their sessions end on their next request. False if there was none. */
    public synchronized boolean remove(String username) {
        read(true);
        String name = normaliseUsername(username);
        if (!byName.containsKey(name)) {
            return false;
        }
        Map<String, User> next = new LinkedHashMap<>(byName);
        next.remove(name);
        write(next);
        return true;
    }

    /**
     * The user whose password this is, or empty. The time taken does not depend on whether the
     * username exists: an unknown user's password is checked against a dummy hash of the same cost.
     * The hash comparison itself is constant-time. The password array is not changed.
     */
    public Optional<User> authenticate(String username, char[] password) {
        reloadIfChanged();
        Optional<User> user = find(username);
        String hash = user.map(User::passwordHash).orElseGet(this::dummyHash);
        boolean verified = verify(password == null ? new char[0] : password, hash);
        return verified ? user : Optional.empty();
    }

    /** Rereads the file if it has been replaced, changed or removed since it was last read. */
    public synchronized void reloadIfChanged() {
        if (!Objects.equals(stamp(), loaded)) {
            read(false);
        }
    }

    /** How usernames are compared: trimmed and lower-case. */
    public static String normaliseUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (utf8Length(password) > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("A password can be at most " + MAX_PASSWORD_BYTES
                    + " bytes (bcrypt ignores the rest)");
        }
    }

    private static int utf8Length(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        int length = bytes.remaining();
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        return length;
    }

    private static boolean verify(char[] password, String hash) {
        // Too long to be anyone's password: still spend a bcrypt check, so the answer takes as long.
        char[] candidate = utf8Length(password) > MAX_PASSWORD_BYTES ? new char[] {'x'} : password;
        try {
            return BCrypt.verifyer().verify(candidate, hash).verified && candidate == password;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A hash of a random password at the cost the stored hashes use, so a dummy check takes as long as a real one. */
    private String dummyHash() {
        int dummyCost = all().stream().mapToInt(u -> costOf(u.passwordHash())).max().orElse(cost);
        return dummyHashes.computeIfAbsent(dummyCost,
                c -> BCrypt.withDefaults().hashToString(c, Tokens.randomBase64Url(18).toCharArray()));
    }

    private static int costOf(String hash) {
        Matcher m = BCRYPT_HASH.matcher(hash);
        return m.matches() ? Integer.parseInt(m.group(1)) : DEFAULT_COST;
    }

    // ---- the file ----

    /** What identifies one version of the file: replacing it atomically gives a new file key. */
    private record Stamp(Object key, FileTime modified, long size) {
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException absent) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Reads the file. Strictly (at load, and before rewriting it) a file that cannot be used is an
     * error naming the file and line; otherwise (a running server) it is logged and treated as
     * holding no users, so a damaged file lets nobody in rather than whoever was in it before.
     */
    private void read(boolean strict) {
        Stamp before = stamp();
        loaded = before;
        if (before == null) {
            byName = Map.of();
            return;
        }
        try {
            warnIfOthersCanRead();
            byName = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException e) {
            byName = Map.of();
            if (strict) {
                throw e instanceof IllegalStateException problem ? problem
                        : new UncheckedIOException("Cannot read " + file, (IOException) e);
            }
            LOG.log(System.Logger.Level.ERROR, "Cannot use the dashboard users file " + file
                    + "; nobody can sign in until it is put right: " + e.getMessage());
        }
    }

    private Map<String, User> parse(List<String> lines) {
        Map<String, User> users = new LinkedHashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = file + " line " + (i + 1);
            if (!header) {
                if (!line.strip().equalsIgnoreCase(HEADER)) {
                    throw new IllegalStateException(where + ": expected the header '" + HEADER + "'");
                }
                header = true;
                continue;
            }
            List<String> cells = parseLine(line, where);
            if (cells.size() != 4) {
                throw new IllegalStateException(where + ": expected 4 columns (" + HEADER + "), found " + cells.size());
            }
            String name = normaliseUsername(cells.get(0));
            if (!USERNAME.matcher(name).matches()) {
                throw new IllegalStateException(where + ": not a valid username");
            }
            String la = cells.get(1).strip();
            if (la.isEmpty()) {
                throw new IllegalStateException(where + ": no local authority (use " + ALL_LAS + " for all)");
            }
            Role role;
            try {
                role = Role.parse(cells.get(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage());
            }
            String hash = cells.get(3).strip();
            if (!BCRYPT_HASH.matcher(hash).matches()) {
                throw new IllegalStateException(where + ": the password_hash is not a bcrypt hash");
            }
            if (users.put(name, new User(name, la, role, hash)) != null) {
                throw new IllegalStateException(where + ": the username '" + name + "' appears twice");
            }
        }
        return Collections.unmodifiableMap(users);
    }

    /** One RFC 4180 record on one line: fields may be quoted, with "" for a quote inside. */
    static List<String> parseLine(String line, String where) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted) {
                throw new IllegalStateException(where + ": text after a closing quote");
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException(where + ": a quoted field is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }

    private void write(Map<String, User> users) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (User u : users.values()) {
            text.append(Csv.quote(u.username())).append(',').append(Csv.quote(u.la())).append(',')
                    .append(u.role().code()).append(',').append(u.passwordHash()).append('\n');
        }
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path temp;
            try {
                temp = Files.createTempFile(dir, ".users-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException noPosix) {
                temp = Files.createTempFile(dir, ".users-", ".tmp");
            }
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        byName = users;
        loaded = stamp();
    }

    private void warnIfOthersCanRead() throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                LOG.log(System.Logger.Level.WARNING, file + " holds password hashes and is readable by others ("
                        + PosixFilePermissions.toString(permissions) + "); make it rw------- (chmod 600)");
            }
        } catch (UnsupportedOperationException noPosix) {
            // not a POSIX file system: nothing to check
        }
    }
}
