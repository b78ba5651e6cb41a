package uk.sufficiency.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private static final User ALICE = new User("alice", "A", Role.VIEWER, "$2a$04$" + "a".repeat(53));
    private Instant now = Instant.parse("2024-05-01T09:00:00Z");
    private final Sessions sessions = new Sessions(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void idsAre256RandomBitsInBase64Url() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Sessions.Started started = sessions.start(ALICE);
            assertTrue(started.id().matches("[A-Za-z0-9_-]{43}"), started.id()); // 43 x 6 bits = 258 >= 256
            assertTrue(ids.add(started.id()));
            assertNotEquals(started.id(), started.session().csrfToken());
        }
    }

    @Test
    void aSessionIsFoundByItsIdOnlyAndEndsWhenAsked() {
        Sessions.Started started = sessions.start(ALICE);
        assertEquals("alice", sessions.find(started.id()).orElseThrow().username());
        assertTrue(sessions.find(Tokens.random256()).isEmpty());
        assertTrue(sessions.find(null).isEmpty());
        assertTrue(sessions.find(started.id() + "x").isEmpty());
        sessions.end(started.id());
        assertTrue(sessions.find(started.id()).isEmpty());
    }

    @Test
    void idleAndAbsoluteLimits() {
        Sessions.Started started = sessions.start(ALICE);
        now = now.plus(Duration.ofMinutes(30)).minusSeconds(1);
        assertTrue(sessions.find(started.id()).isPresent());
        now = now.plus(Duration.ofMinutes(30));
        assertTrue(sessions.find(started.id()).isEmpty(), "30 minutes since the last request");

        Sessions.Started busy = sessions.start(ALICE);
        Instant signedIn = now;
        while (now.isBefore(signedIn.plus(Duration.ofHours(12)).minusSeconds(60))) {
            now = now.plus(Duration.ofMinutes(10));
            assertTrue(sessions.find(busy.id()).isPresent() == now.isBefore(signedIn.plus(Duration.ofHours(12))));
        }
        now = signedIn.plus(Duration.ofHours(12));
        assertTrue(sessions.find(busy.id()).isEmpty(), "12 hours since sign-in");
    }

    @Test
    void expiredSessionsAreSweptAtTheNextSignIn() {
        sessions.start(ALICE);
        sessions.start(ALICE);
        now = now.plus(Duration.ofHours(1));
        sessions.start(ALICE);
        assertEquals(1, sessions.size());
    }

    @Test
    void aSessionOutlivesNoChangeToItsUser() {
        Sessions.Session session = sessions.start(ALICE).session();
        assertTrue(session.stillValidFor(ALICE));
        assertFalse(session.stillValidFor(new User("alice", "A", Role.VIEWER, "$2a$04$" + "b".repeat(53))));
        assertTrue(session.csrfMatches(session.csrfToken()));
        assertFalse(session.csrfMatches(null));
        assertFalse(session.csrfMatches(Tokens.random256()));
    }
}
