package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The random choices of one local authority's simulation. Everything random goes through here so
 * that one seeded {@link SplittableRandom} per LA makes the output repeatable byte for byte;
 * {@link StrictMath} keeps it so on every JVM and processor.
 */
final class Draw {
    private final SplittableRandom random;

    Draw(SplittableRandom random) {
        this.random = random;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** Whole number from {@code from} to {@code to}, both included. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    char letter() {
        return (char) ('A' + random.nextInt(26));
    }

    String digits(int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    /** Waiting time with the given mean, for events that happen at a steady rate. */
    double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - random.nextDouble());
    }

    /**
     * Right-skewed durations (most short, a few long), as lengths of stay are. Box-Muller is
     * written out rather than using nextGaussian so the stream does not depend on the JDK version.
     */
    double logNormal(double median, double spread) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        double normal = StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
        return median * StrictMath.exp(spread * normal);
    }

    LocalDate daysAfter(LocalDate date, double days) {
        return date.plusDays(Math.max(1, Math.round(days)));
    }

    <T> T pick(Mix<T> mix) {
        return mix.pick(random.nextDouble());
    }
}
