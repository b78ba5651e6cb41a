package uk.sufficiency.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HashBudgetTest {
    private static final long MS = 1_000_000L;
    private long now = 5_000 * MS;
    private final HashBudget budget = new HashBudget(2, () -> now);

    private OptionalLong book() {
        return budget.book(Duration.ofSeconds(1));
    }

    @Test
    void twoASecondWithTwoSavedUp() {
        assertEquals(OptionalLong.of(0), book());
        assertEquals(OptionalLong.of(0), book());
        assertEquals(OptionalLong.of(500 * MS), book(), "the third waits for the next token, half a second on");
        assertEquals(OptionalLong.of(1000 * MS), book());
        assertEquals(OptionalLong.empty(), book(), "a wait of 1.5 s is more than the longest, 1 s: refused");
        assertEquals(OptionalLong.empty(), book(), "and a refusal books nothing");
        now += 500 * MS;
        assertEquals(OptionalLong.of(1000 * MS), book(), "half a second on, the queue has moved on by one");
    }

    @Test
    void idleTimeSavesUpAtMostTwo() {
        now += 60_000 * MS;
        assertEquals(OptionalLong.of(0), book());
        assertEquals(OptionalLong.of(0), book());
        assertEquals(OptionalLong.of(500 * MS), book());
    }
}
