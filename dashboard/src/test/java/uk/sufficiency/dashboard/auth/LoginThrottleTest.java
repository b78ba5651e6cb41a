package uk.sufficiency.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2024-05-01T09:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    });

    private void minutes(long m) {
        now = now.plus(Duration.ofMinutes(m));
    }

    @Test
    void fiveFailuresForAUsernameLockItFromEveryAddress() {
        for (int i = 1; i <= 4; i++) {
            throttle.failed("alice", "10.0.0." + i);
            assertTrue(throttle.lockedFor("alice", "10.0.0.99").isEmpty(), "after " + i);
        }
        throttle.failed("Alice", "10.0.0.5");
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.lockedFor("alice", "10.0.0.99"));
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.lockedFor(" ALICE ", "10.0.0.99"));
        assertTrue(throttle.lockedFor("bob", "10.0.0.99").isEmpty(), "other users are not locked");
        minutes(15);
        assertTrue(throttle.lockedFor("alice", "10.0.0.99").isEmpty());
    }

    @Test
    void fiveFailuresFromAnAddressLockItForEveryUsername() {
        for (String name : new String[] {"a", "b", "c", "d", "e"}) {
            throttle.failed(name, "10.0.0.1");
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.lockedFor("zed", "10.0.0.1"));
        assertTrue(throttle.lockedFor("zed", "10.0.0.2").isEmpty());
    }

    @Test
    void onlyFailuresWithinFifteenMinutesCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0." + i);
            minutes(4); // failures at 0, 4, 8, 12 minutes
        }
        minutes(-1); // 15 minutes after the first
        throttle.failed("alice", "10.0.0.9");
        assertTrue(throttle.lockedFor("alice", "10.0.0.99").isEmpty(), "the first has aged out: 4 in the window");
        throttle.failed("alice", "10.0.0.9");
        assertTrue(throttle.lockedFor("alice", "10.0.0.99").isPresent(), "5 within 15 minutes");
    }

    @Test
    void aSuccessClearsTheUsernameButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        throttle.succeeded("alice");
        throttle.failed("alice", "10.0.0.2");
        assertTrue(throttle.lockedFor("alice", "10.0.0.3").isEmpty());
        throttle.failed("bob", "10.0.0.1");
        assertTrue(throttle.lockedFor("carol", "10.0.0.1").isPresent(), "the address had 5");
    }

    @Test
    void afterALockoutCountingStartsAfresh() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice", "10.0.0." + i);
        }
        minutes(15);
        throttle.failed("alice", "10.0.0.9");
        assertTrue(throttle.lockedFor("alice", "10.0.0.99").isEmpty(), "one failure is not five");
    }
}
