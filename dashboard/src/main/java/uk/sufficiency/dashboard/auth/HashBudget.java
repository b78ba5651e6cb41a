package uk.sufficiency.dashboard.auth;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Bounds the password hashes the server checks per second, whoever asks, so sign-in attempts
 * cannot take every core (a bcrypt check at cost 12 is about a quarter of a second of one core).
 * A token bucket: {@code perSecond} tokens a second, at most {@code perSecond} saved up. A caller
 * takes a token now, or books the next free one and waits for it, or, if that would be more than
 * the longest wait, is refused.
 */
public final class HashBudget {
    private static final long SECOND = 1_000_000_000L;

    private final long interval; // nanoseconds per token
    private final long saved; // nanoseconds' worth of tokens that may be used at once, less one
    private final LongSupplier nanoTime;
    private long due; // guarded by this: when the bucket would be empty again, booked checks included

    public HashBudget(int perSecond, LongSupplier nanoTime) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("At least one password check a second is needed, not " + perSecond);
        }
        this.interval = SECOND / perSecond;
        this.saved = (perSecond - 1) * interval;
        this.nanoTime = nanoTime;
        this.due = nanoTime.getAsLong();
    }

    /** Books one check: how long to wait before doing it (zero: now), or empty when the wait would exceed {@code longest}. */
    public synchronized OptionalLong book(Duration longest) {
        long now = nanoTime.getAsLong();
        long from = Math.max(due, now);
        long wait = Math.max(0, from - saved - now);
        if (wait > longest.toNanos()) {
            return OptionalLong.empty();
        }
        due = from + interval;
        return OptionalLong.of(wait);
    }
}
