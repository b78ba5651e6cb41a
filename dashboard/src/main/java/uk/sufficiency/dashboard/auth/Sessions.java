package uk.sufficiency.dashboard.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, in memory (a restart signs everyone out). A session id is 256 random bits
 * from {@link java.security.SecureRandom}, sent to the browser once in the cookie and stored here
 * only as its SHA-256, so the table itself holds nothing that could be replayed. A session ends
 * after {@link #IDLE_TIMEOUT} without a request, {@link #ABSOLUTE_TIMEOUT} after sign-in whatever
 * its use, at sign-out, or when its user's password or entry changes.
 */
public final class Sessions {
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;
    private final Map<String, Session> byDigest = new ConcurrentHashMap<>();

    public Sessions(Clock clock) {
        this(clock, IDLE_TIMEOUT, ABSOLUTE_TIMEOUT);
    }

    public Sessions(Clock clock, Duration idle, Duration absolute) {
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    /** A new session for a user who has just proved who they are; the id is for the cookie and is not kept. */
    public Started start(User user) {
        Instant now = clock.instant();
        byDigest.values().removeIf(s -> s.expired(now, idle, absolute));
        String id = Tokens.random256();
        Session session = new Session(user.username(), user.passwordHash(), Tokens.random256(), now);
        byDigest.put(Tokens.digest(id), session);
        return new Started(id, session);
    }

    /** The live session with this id, its idle clock restarted; empty (and forgotten) when it has expired. */
    public Optional<Session> find(String id) {
        if (!Tokens.wellFormed(id)) {
            return Optional.empty();
        }
        String digest = Tokens.digest(id);
        Session session = byDigest.get(digest);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.expired(now, idle, absolute)) {
            byDigest.remove(digest, session);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** Ends the session with this id, if there is one. */
    public void end(String id) {
        if (Tokens.wellFormed(id)) {
            byDigest.remove(Tokens.digest(id));
        }
    }

    /** Live and expired sessions not yet swept. */
    int size() {
        return byDigest.size();
    }

    /** A new session and the id that names it (only the browser keeps the id). */
    public record Started(String id, Session session) {
    }

    /** One signed-in user's session and its token for the forms it may post (CSRF defence). */
    public static final class Session {
        private final String username;
        private final String passwordHash;
        private final String csrfToken;
        private final Instant created;
        private volatile Instant lastSeen;

        Session(String username, String passwordHash, String csrfToken, Instant created) {
            this.username = username;
            this.passwordHash = passwordHash;
            this.csrfToken = csrfToken;
            this.created = created;
            this.lastSeen = created;
        }

        public String username() {
            return username;
        }

        public String csrfToken() {
            return csrfToken;
        }

        public Instant created() {
            return created;
        }

        /** Whether the user is still the one who signed in: same entry, same password. */
        public boolean stillValidFor(User user) {
            return user.username().equals(username) && Tokens.same(user.passwordHash(), passwordHash);
        }

        /** Constant-time check of a form's token against this session's. */
        public boolean csrfMatches(String token) {
            return Tokens.same(csrfToken, token);
        }

        private void touch(Instant now) {
            lastSeen = now;
        }

        private boolean expired(Instant now, Duration idle, Duration absolute) {
            return !now.isBefore(lastSeen.plus(idle)) || !now.isBefore(created.plus(absolute));
        }
    }
}
