package uk.sufficiency.pipeline.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * capacity.csv (inputs.md §4) for the demo county, at each quarter end of the data window:
 * <ul>
 * <li>{@code inhouse_foster_places}: approved in-house foster places, occupied by the generated
 * in-house non-connected foster placements, with 5-9% of places vacant;
 * <li>{@code inhouse_home_beds}: the LA's own children's homes (50 beds for looked-after children:
 * the seed's 12 homes less the adolescent support unit's and crisis beds; two more 3-bed homes from
 * April 2023 and a second crisis unit from October 2023), occupied by the generated in-house
 * children's home placements;
 * <li>{@code block_home_beds}: the block-contract agency beds (24 from November 2019, 30 from April
 * 2023) and the generated placements in them ({@link PlacementFees});
 * <li>{@code block_supported_beds}: the block-commissioned 16+ supported accommodation bedspaces
 * (368, 378 from February 2022). They also house care leavers and homeless young people who are
 * not looked after, so occupancy is modelled rather than counted: about 322 occupied, by priority
 * of the young people (high: looked-after 16-17s, care leavers and homeless 16-17s) rising from
 * 53% high in March 2020 to 58% (187 high, 91 medium, 44 low) in March 2022 and about 57% in
 * December 2022, and never below the generated children placed in block bedspaces.
 * </ul>
 */
final class CapacityFile {
    static final String COLUMNS = "DATE,PROVISION,CAPACITY,OCCUPIED,OCCUPIED_HIGH,OCCUPIED_MEDIUM,OCCUPIED_LOW";
    static final LocalDate SUPPORTED_EXTENDED = LocalDate.of(2022, 2, 1);
    /** Beds for looked-after children in the LA's own homes (the ASU and crisis beds serve others too). */
    static final int IN_HOUSE_HOME_BEDS = 50;

    /** Occupied block supported bedspaces, and the high and medium priority shares of them, at dates. */
    private static final Tariff SUPPORTED_OCCUPIED = Tariff.of(0, 0, new double[] {1, 1, 1, 1},
            "2018-06-30", 326, "2020-03-31", 330, "2020-06-30", 328, "2021-03-31", 318, "2022-03-31", 322,
            "2022-12-31", 322, "2024-03-31", 326);
    private static final Tariff HIGH_SHARE = Tariff.of(0, 0, new double[] {1, 1, 1, 1},
            "2018-06-30", 0.52, "2020-03-31", 0.53, "2020-06-30", 0.54, "2022-03-31", 0.581, "2022-12-31", 0.575,
            "2024-03-31", 0.59);
    private static final Tariff MEDIUM_SHARE = Tariff.of(0, 0, new double[] {1, 1, 1, 1},
            "2018-06-30", 0.26, "2020-06-30", 0.26, "2022-03-31", 0.2826, "2024-03-31", 0.28);

    private CapacityFile() {
    }

    static long write(Path file, List<Spell> spells, PlacementFees fees, LocalDate windowStart, LocalDate extract,
            Draw draw) throws IOException {
        long rows = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.write(COLUMNS);
            out.write('\n');
            for (LocalDate date = quarterEnd(windowStart); !date.isAfter(extract); date = quarterEnd(date.plusDays(1))) {
                LocalDate d = date;
                int foster = count(spells, d, s -> s.nonConnectedFoster() && s.inHouse());
                int fosterPlaces = (int) Math.ceil(foster / (1 - draw.uniform(0.05, 0.09)));
                out.write(row(d, "inhouse_foster_places", fosterPlaces, foster));
                int homes = count(spells, d, s -> s.childrensHome() && s.inHouse());
                out.write(row(d, "inhouse_home_beds", Math.max(inHouseHomeBeds(d), homes), homes));
                rows += 2;
                int blockBeds = PlacementFees.blockHomeBeds(d);
                if (blockBeds > 0) {
                    int inBlock = count(spells, d, s -> s.setting() == Setting.CHILDRENS_HOME && block(fees, s));
                    out.write(row(d, "block_home_beds", blockBeds, inBlock));
                    rows++;
                }
                int children = count(spells, d, s -> s.setting() == Setting.SUPPORTED_ACCOMMODATION && block(fees, s));
                int occupied = (int) Math.round(SUPPORTED_OCCUPIED.price(d)) + draw.between(-2, 2);
                int high = Math.max(children, (int) Math.round(HIGH_SHARE.price(d) * occupied) + draw.between(-1, 1));
                int medium = Math.min(occupied - high, (int) Math.round(MEDIUM_SHARE.price(d) * occupied));
                int capacity = d.isBefore(SUPPORTED_EXTENDED) ? 368 : 378;
                out.write(Dates.dmy(d) + ",block_supported_beds," + capacity + "," + occupied + "," + high + ","
                        + medium + "," + (occupied - high - medium) + "\n");
                rows++;
            }
        }
        return rows;
    }

    /** Beds in the LA's own children's homes. */
    static int inHouseHomeBeds(LocalDate date) {
        return date.isBefore(LocalDate.of(2023, 4, 1)) ? IN_HOUSE_HOME_BEDS
                : date.isBefore(LocalDate.of(2023, 10, 1)) ? IN_HOUSE_HOME_BEDS + 6 : IN_HOUSE_HOME_BEDS + 8;
    }

    private static boolean block(PlacementFees fees, Spell spell) {
        PlacementFees.Costing costing = fees.costing(spell);
        return costing != null && costing.contract().equals(PlacementFees.BLOCK);
    }

    private static int count(List<Spell> spells, LocalDate date, Predicate<Spell> which) {
        int n = 0;
        for (Spell spell : spells) {
            if (!spell.shortBreak() && spell.activeOn(date) && which.test(spell)) {
                n++;
            }
        }
        return n;
    }

    private static String row(LocalDate date, String provision, int capacity, int occupied) {
        return Dates.dmy(date) + "," + provision + "," + capacity + "," + occupied + ",,,\n";
    }

    /** The last day of the quarter (June, September, December, March) the date is in. */
    static LocalDate quarterEnd(LocalDate date) {
        int month = (date.getMonthValue() + 2) / 3 * 3;
        return LocalDate.of(date.getYear(), month, 1).plusMonths(1).minusDays(1);
    }
}
