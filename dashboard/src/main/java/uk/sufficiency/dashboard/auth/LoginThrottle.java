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
 * Limits password guessing without handing anyone a way to lock a user out (docs/security.md,
 * "Sign-in"; in the spirit of OWASP's authentication guidance):
 * <ul>
 *   <li>{@value #PAIR_LIMIT} failed sign-ins for one username from one address within {@link #WINDOW}
 *       pause that username <em>from that address</em> for {@link #PAUSE}. The same user signing in
 *       from another address is not affected, so a stranger's guesses cannot lock the real user out.
 *   <li>{@value #ADDRESS_LIMIT} failures from one address within the window, whatever the usernames
 *       (password spraying), pause that address for every username.
 * </ul>
 * An attempt is counted when it is admitted ({@link #admit}), before its password is checked, in
 * one step with the check of the limits: so parallel guesses cannot all slip in before the first
 * failure is recorded, and at most the limit are ever hash-checked. A success takes its attempt
 * back and clears its pair's failures. Usernames that do not exist are counted exactly like those
 * that do, so a pause reveals nothing. Counts are in memory.
 */
public final class LoginThrottle {
    public static final int PAIR_LIMIT = 5;
    public static final int ADDRESS_LIMIT = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration PAUSE = Duration.ofMinutes(15);
    /** Above this many tracked keys, those with nothing recent are swept. */
    private static final int SWEEP_ABOVE = 10_000;
    private static final int LONGEST_USERNAME_KEY = 100;

    private final Clock clock;
    private final Map<String, Failures> byKey = new HashMap<>(); // guarded by this

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts an attempt for this username from this address and lets it go ahead (empty), or refuses
     * it, counting nothing, with how much longer the pair or the address is paused. An admitted
     * attempt stays counted as a failure unless {@link #succeeded} or {@link #withdrawn} follows.
     */
    public synchronized Optional<Duration> admit(String username, String address) {
        Instant now = clock.instant();
        Failures pair = byKey.get(pairKey(username, address));
        Failures from = byKey.get(addressKey(address));
        Duration left = longer(pausedFor(pair, now), pausedFor(from, now));
        if (!left.isZero()) {
            return Optional.of(left);
        }
        if (byKey.size() > SWEEP_ABOVE) {
            byKey.values().removeIf(f -> f.idle(now));
        }
        byKey.computeIfAbsent(pairKey(username, address), k -> new Failures(PAIR_LIMIT)).add(now);
        byKey.computeIfAbsent(addressKey(address), k -> new Failures(ADDRESS_LIMIT)).add(now);
        return Optional.empty();
    }

    /** The admitted attempt was right: its pair starts afresh and the address no longer counts it. */
    public synchronized void succeeded(String username, String address) {
        byKey.remove(pairKey(username, address));
        withdrawFrom(addressKey(address));
    }

    /** The admitted attempt was never checked (the server was too busy): it does not count. */
    public synchronized void withdrawn(String username, String address) {
        withdrawFrom(pairKey(username, address));
        withdrawFrom(addressKey(address));
    }

    private void withdrawFrom(String key) {
        Failures f = byKey.get(key);
        if (f != null) {
            f.withdraw();
        }
    }

    private static Duration pausedFor(Failures f, Instant now) {
        return f != null && f.lockedUntil != null && now.isBefore(f.lockedUntil)
                ? Duration.between(now, f.lockedUntil) : Duration.ZERO;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String pairKey(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        name = name.length() > LONGEST_USERNAME_KEY ? name.substring(0, LONGEST_USERNAME_KEY) : name;
        return "pair:" + address(address) + "\n" + name;
    }

    private static String addressKey(String address) {
        return "address:" + address(address);
    }

    private static String address(String address) {
        return address == null ? "" : address;
    }

    /** One key's recent failures and, once its limit is reached, until when it is paused. */
    private static final class Failures {
        final int limit;
        final Deque<Instant> recent = new ArrayDeque<>();
        Instant lockedUntil;

        Failures(int limit) {
            this.limit = limit;
        }

        void add(Instant now) {
            if (lockedUntil != null && !now.isBefore(lockedUntil)) {
                lockedUntil = null; // the pause is over: start counting afresh
                recent.clear();
            }
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
                recent.removeFirst();
            }
            recent.addLast(now);
            if (recent.size() >= limit) {
                lockedUntil = now.plus(PAUSE);
            }
        }

        /** Takes back the newest attempt (one admitted while unpaused, so a pause it started ends with it). */
        void withdraw() {
            if (!recent.isEmpty()) {
                recent.removeLast();
            }
            if (recent.size() < limit) {
                lockedUntil = null;
            }
        }

        boolean idle(Instant now) {
            boolean locked = lockedUntil != null && now.isBefore(lockedUntil);
            return !locked && (recent.isEmpty() || !recent.peekLast().isAfter(now.minus(WINDOW)));
        }
    }
}
