package uk.sufficiency.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final Optional<Duration> FIFTEEN = Optional.of(Duration.ofMinutes(15));
    private volatile Instant now = Instant.parse("2024-05-01T09:00:00Z");
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

    /** Five admitted attempts that all turn out wrong. */
    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(throttle.admit(username, address).isEmpty(), username + " from " + address + ", attempt " + (i + 1));
        }
    }

    @Test
    void fiveFailuresPauseTheUsernameFromThatAddressOnly() {
        fail("alice", "10.0.0.1", 5);
        assertEquals(FIFTEEN, throttle.admit("alice", "10.0.0.1"));
        assertEquals(FIFTEEN, throttle.admit(" ALICE ", "10.0.0.1"));
        assertTrue(throttle.admit("alice", "10.0.0.2").isEmpty(), "the real alice elsewhere is not locked out");
        assertTrue(throttle.admit("bob", "10.0.0.1").isEmpty(), "other usernames from the address go ahead");
        minutes(14);
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.admit("alice", "10.0.0.1"));
        minutes(1);
        assertTrue(throttle.admit("alice", "10.0.0.1").isEmpty(), "15 minutes on: going ahead again");
    }

    @Test
    void failuresSpreadOverAddressesNeverPauseTheUsername() {
        for (int i = 1; i <= 40; i++) {
            fail("alice", "10.0.1." + i, 4);
        }
        assertTrue(throttle.admit("alice", "10.0.2.1").isEmpty());
    }

    @Test
    void twentyFailuresFromAnAddressPauseItForEveryUsername() {
        for (int i = 1; i <= 19; i++) {
            fail("user" + i, "10.0.0.1", 1);
        }
        assertTrue(throttle.admit("user20", "10.0.0.1").isEmpty(), "the 20th is admitted");
        assertEquals(FIFTEEN, throttle.admit("zed", "10.0.0.1"));
        assertTrue(throttle.admit("zed", "10.0.0.2").isEmpty());
    }

    @Test
    void onlyFailuresWithinFifteenMinutesCount() {
        for (int i = 0; i < 4; i++) {
            fail("alice", "10.0.0.1", 1);
            minutes(4); // failures at 0, 4, 8, 12 minutes
        }
        minutes(-1); // 15 minutes after the first
        fail("alice", "10.0.0.1", 1);
        assertTrue(throttle.admit("alice", "10.0.0.1").isEmpty(), "the first had aged out: that was the 5th in the window");
        assertEquals(FIFTEEN, throttle.admit("alice", "10.0.0.1"));
    }

    @Test
    void aSuccessClearsItsPairAndIsNotCountedAgainstTheAddress() {
        fail("alice", "10.0.0.1", 4);
        assertTrue(throttle.admit("alice", "10.0.0.1").isEmpty());
        throttle.succeeded("alice", "10.0.0.1");
        fail("alice", "10.0.0.1", 4);
        assertTrue(throttle.admit("alice", "10.0.0.1").isEmpty(), "4 since the success: the 5th is admitted");
        // The address holds 4 + 4 + 1 failures: 11 more pause it, not 12.
        for (int i = 1; i <= 10; i++) {
            fail("u" + i, "10.0.0.1", 1);
        }
        assertTrue(throttle.admit("u11", "10.0.0.1").isEmpty());
        assertEquals(FIFTEEN, throttle.admit("u12", "10.0.0.1"));
    }

    @Test
    void aWithdrawnAttemptDoesNotCount() {
        fail("alice", "10.0.0.1", 4);
        assertTrue(throttle.admit("alice", "10.0.0.1").isEmpty(), "the 5th, which starts the pause");
        throttle.withdrawn("alice", "10.0.0.1");
        assertTrue(throttle.admit("alice", "10.0.0.1").isEmpty(), "withdrawn: 4 again, so this one goes ahead");
        assertEquals(FIFTEEN, throttle.admit("alice", "10.0.0.1"));
    }

    @Test
    void afterAPauseCountingStartsAfresh() {
        fail("alice", "10.0.0.1", 5);
        minutes(15);
        fail("alice", "10.0.0.1", 4);
        assertTrue(throttle.admit("alice", "10.0.0.1").isEmpty());
    }

    @Test
    void parallelAttemptsAreCountedBeforeAnyIsChecked() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                attempts.add(() -> throttle.admit("alice", "10.0.0.1").isEmpty());
            }
            int admitted = 0;
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                admitted += f.get() ? 1 : 0;
            }
            assertEquals(5, admitted);
        } finally {
            pool.shutdownNow();
        }
    }
}
