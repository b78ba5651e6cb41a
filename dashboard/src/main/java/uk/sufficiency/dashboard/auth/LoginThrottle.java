package uk.sufficiency.dashboard.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Limits password guessing: after {@value #MAX_FAILURES} failed sign-ins for one username, or from
 * one address, within {@link #WINDOW}, every further attempt for that username or from that address
 * is refused for {@link #LOCKOUT}, whether or not its password is right. Usernames that do not
 * exist are counted and locked exactly like those that do, so a lockout reveals nothing. A success
 * clears its username's failures (not its address's). Counts are in memory.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** Above this many tracked keys, those with nothing recent are swept. */
    private static final int SWEEP_ABOVE = 10_000;
    private static final int LONGEST_USERNAME_KEY = 100;

    private final Clock clock;
    private final Map<String, Failures> byKey = new HashMap<>(); // guarded by this

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How much longer attempts for this username or from this address are refused; empty when they may go ahead. */
    public synchronized Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            Failures f = byKey.get(key);
            if (f != null && f.lockedUntil != null && now.isBefore(f.lockedUntil)) {
                Duration left = Duration.between(now, f.lockedUntil);
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        if (byKey.size() > SWEEP_ABOVE) {
            byKey.values().removeIf(f -> f.idle(now));
        }
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            byKey.computeIfAbsent(key, k -> new Failures()).add(now);
        }
    }

    public synchronized void succeeded(String username) {
        byKey.remove(userKey(username));
    }

    private static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > LONGEST_USERNAME_KEY ? name.substring(0, LONGEST_USERNAME_KEY) : name);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }

    /** One key's recent failures and, once locked, until when. */
    private static final class Failures {
        final Deque<Instant> recent = new ArrayDeque<>();
        Instant lockedUntil;

        void add(Instant now) {
            if (lockedUntil != null && !now.isBefore(lockedUntil)) {
                lockedUntil = null; // the lockout is over: start counting afresh
            }
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
                recent.removeFirst();
            }
            recent.addLast(now);
            if (recent.size() >= MAX_FAILURES) {
                lockedUntil = now.plus(LOCKOUT);
                recent.clear();
            }
        }

        boolean idle(Instant now) {
            boolean locked = lockedUntil != null && now.isBefore(lockedUntil);
            return !locked && (recent.isEmpty() || !recent.peekLast().isAfter(now.minus(WINDOW)));
        }
    }
}
