package uk.sufficiency.pipeline.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * population.csv (LA, YEAR, POPULATION_0_17): 0-17 mid-year estimates for every LA, for the
 * calendar years the rate per 10,000 needs (the estimate for Y-1 serves collection year Y) and a
 * year either side.
 */
final class PopulationFile {
    private PopulationFile() {
    }

    static Path write(GeneratorOptions options, List<LocalAuthorityProfile> las) throws IOException {
        Path file = options.outDir().resolve("population.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("LA,YEAR,POPULATION_0_17\n");
            for (LocalAuthorityProfile la : las) {
                for (int year = options.lastYear() - options.years() - 1; year <= options.lastYear(); year++) {
                    out.write(la.name() + "," + year + "," + la.population(year) + "\n");
                }
            }
        }
        return file;
    }
}
