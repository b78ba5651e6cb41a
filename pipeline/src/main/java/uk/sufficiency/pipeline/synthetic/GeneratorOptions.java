package uk.sufficiency.pipeline.synthetic;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate: how many local authorities, how many yearly 903 returns ending with which
 * collection year (2024 = April 2023 to March 2024), and the seed that makes the output repeatable.
 */
public record GeneratorOptions(Path outDir, int las, int years, long seed, int lastYear) {
    public static final int DEFAULT_LAS = 1;
    public static final int DEFAULT_YEARS = 6;
    public static final long DEFAULT_SEED = 2022;
    public static final int DEFAULT_LAST_YEAR = 2024;

    public GeneratorOptions {
        Objects.requireNonNull(outDir, "outDir");
        if (las < 1) {
            throw new IllegalArgumentException("las must be at least 1, was " + las);
        }
        if (years < 1) {
            throw new IllegalArgumentException("years must be at least 1, was " + years);
        }
        if (lastYear < 1990 || lastYear > 2100) {
            throw new IllegalArgumentException("lastYear must be a collection year such as 2024, was " + lastYear);
        }
    }

    public static GeneratorOptions defaults(Path outDir) {
        return new GeneratorOptions(outDir, DEFAULT_LAS, DEFAULT_YEARS, DEFAULT_SEED, DEFAULT_LAST_YEAR);
    }

    public int firstYear() {
        return lastYear - years + 1;
    }
}
