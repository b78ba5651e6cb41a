package uk.sufficiency.pipeline.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes deterministic synthetic SSDA903 returns (episodes and header per collection year), a
 * population file and, for the demo county, a benchmarks file of the published rates it is
 * compared with ({@link BenchmarksFile}) and its strategy targets ({@link TargetsFile}), for demonstrations and tests without real children's data.
 * A single LA (the demo county, unpooled) also gets the files its finance and placement-finding
 * systems would export about the same children: placement costs, placement requests and capacity
 * ({@link CountyFiles}); pooled extracts stay 903 returns, population and benchmarks only.
 *
 * <p>Each LA's history is simulated from {@value #HISTORY_YEARS} years before the last return (or
 * {@value #BURN_IN_YEARS} years before the first, if earlier), longer than any childhood, so the
 * children looked after are at equilibrium when the returns begin; and because the start does not
 * move with {@code years}, asking for fewer years gives the same last returns. LAs are simulated
 * one at a time and rows streamed to the files, so memory stays small whatever the number of LAs.
 */
public final class SyntheticReturns {
    static final int BURN_IN_YEARS = 22;
    static final int HISTORY_YEARS = 50;

    private SyntheticReturns() {
    }

    public static GeneratedSummary write(GeneratorOptions options) throws IOException {
        Files.createDirectories(options.outDir());
        int historyStarts = Math.min(options.lastYear() - HISTORY_YEARS, options.firstYear() - 1 - BURN_IN_YEARS);
        LocalDate firstDay = LocalDate.of(historyStarts, 4, 1);
        LocalDate lastDay = LocalDate.of(options.lastYear(), 3, 31);
        // one independent stream per LA, split in LA order: LA n is the same whatever the number of LAs
        SplittableRandom seeds = new SplittableRandom(options.seed());
        List<LocalAuthorityProfile> las = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        long episodeRows;
        long headerRows;
        boolean countyFiles = options.las() == 1;
        LocalDate windowStart = LocalDate.of(options.firstYear() - 1, 4, 1);
        List<Child> demoChildren = new ArrayList<>();
        try (ReturnFiles returns = new ReturnFiles(options)) {
            for (int index = 0; index < options.las(); index++) {
                Draw draw = new Draw(seeds.split());
                LocalAuthorityProfile la = LocalAuthorityProfile.at(index, draw);
                las.add(la);
                CareHistory history = new CareHistory(la, draw, firstDay, lastDay);
                for (Child child = history.next(); child != null; child = history.next()) {
                    returns.write(la.name(), child);
                    if (countyFiles && CountyFiles.inWindow(child, windowStart, lastDay)) {
                        demoChildren.add(child);
                    }
                }
            }
            files.addAll(returns.files());
            episodeRows = returns.episodeRows();
            headerRows = returns.headerRows();
        }
        files.add(PopulationFile.write(options, las));
        files.add(BenchmarksFile.write(options, las.get(0)));
        files.add(TargetsFile.write(options, las.get(0)));
        if (countyFiles) {
            // split after the LAs' streams, so the returns do not depend on these files
            files.addAll(CountyFiles.write(options, demoChildren, seeds.split()));
        }
        return new GeneratedSummary(las.stream().map(LocalAuthorityProfile::name).toList(), files, episodeRows, headerRows);
    }
}
