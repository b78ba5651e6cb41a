package uk.sufficiency.pipeline.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo county's files beside its returns, as its finance and placement-finding systems would
 * export them (inputs.md §2-§4): placement_costs.csv ({@link CostsFile}), placement_requests.csv
 * ({@link PlacementRequests}) and capacity.csv ({@link CapacityFile}), all about the children in
 * its returns and the data window of those returns. They draw from their own random streams, so
 * the returns are the same with or without them.
 */
final class CountyFiles {
    static final String COSTS = "placement_costs.csv";
    static final String REQUESTS = "placement_requests.csv";
    static final String CAPACITY = "capacity.csv";

    private CountyFiles() {
    }

    /** Does a child belong in the returns of the window (an episode overlapping it)? */
    static boolean inWindow(Child child, LocalDate windowStart, LocalDate extract) {
        for (Episode episode : child.episodes()) {
            if (!episode.decom().isAfter(extract) && !episode.dec().isBefore(windowStart)) {
                return true;
            }
        }
        return false;
    }

    static List<Path> write(GeneratorOptions options, List<Child> children, SplittableRandom random) throws IOException {
        LocalDate windowStart = LocalDate.of(options.firstYear() - 1, 4, 1);
        LocalDate extract = LocalDate.of(options.lastYear(), 3, 31);
        Draw requestDraw = new Draw(random.split());
        Draw feeDraw = new Draw(random.split());
        Draw capacityDraw = new Draw(random.split());
        List<Spell> spells = new ArrayList<>();
        for (Child child : children) {
            spells.addAll(Spell.of(child));
        }
        PlacementRequests requests = new PlacementRequests(spells, windowStart, extract, requestDraw);
        PlacementFees fees = new PlacementFees(spells, requests.stepDowns(), feeDraw);
        List<PlacementRequests.Request> built = requests.build(fees);

        Path costs = options.outDir().resolve(COSTS);
        Path requestFile = options.outDir().resolve(REQUESTS);
        Path capacity = options.outDir().resolve(CAPACITY);
        CostsFile.write(costs, spells, fees::costing, windowStart, extract);
        PlacementRequests.write(requestFile, built, extract);
        CapacityFile.write(capacity, spells, fees, windowStart, extract, capacityDraw);
        return List.of(costs, requestFile, capacity);
    }
}
