package uk.sufficiency.pipeline.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * placement_costs.csv (inputs.md §2) for the demo county: one line per episode of a paid
 * placement and per fee, as a finance system exports its placement payments. A line never spans
 * an episode boundary (COST_FROM = DECOM, or 1 April when the fee is uplifted; COST_TO = the day
 * before DEC, or 31 March before an uplift) and is blank-ended while the episode is open in the
 * last return. The export starts on the first day of the data window: a placement that began
 * earlier has its first line from then, at the fee it had reached.
 */
final class CostsFile {
    static final String COLUMNS = "CHILD,PROVIDER_ID,PROVIDER_NAME,CONTRACT,WEEKLY_COST,COST_FROM,COST_TO";

    private CostsFile() {
    }

    /** Writes the lines of the spells that have a costing and returns how many. */
    static long write(Path file, List<Spell> spells, Function<Spell, PlacementFees.Costing> fees, LocalDate windowStart,
            LocalDate extract) throws IOException {
        long lines = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(COLUMNS);
            out.write('\n');
            for (Spell spell : spells) {
                PlacementFees.Costing costing = fees.apply(spell);
                if (costing == null) {
                    continue;
                }
                for (Episode episode : spell.episodes()) {
                    if (!episode.dec().isAfter(windowStart) || episode.decom().isAfter(extract)) {
                        continue;
                    }
                    boolean open = episode.dec().isAfter(extract);
                    LocalDate from = Dates.max(episode.decom(), windowStart);
                    while (true) {
                        LocalDate stop = Dates.min(episode.dec(), Dates.nextApril(from));
                        boolean ongoing = open && stop.isAfter(extract);
                        line(out, costing, from, ongoing ? null : stop.minusDays(1));
                        lines++;
                        if (ongoing || !stop.isBefore(episode.dec())) {
                            break;
                        }
                        from = stop;
                    }
                }
            }
        }
        return lines;
    }

    private static void line(Writer out, PlacementFees.Costing costing, LocalDate from, LocalDate to) throws IOException {
        out.write(costing.spell().child().id() + "," + costing.providerId() + "," + costing.providerName() + ","
                + costing.contract() + "," + Dates.money(costing.feeOn(from)) + "," + Dates.dmy(from) + ","
                + Dates.dmy(to) + "\n");
    }
}
