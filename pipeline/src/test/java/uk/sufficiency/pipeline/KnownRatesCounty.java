package uk.sufficiency.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 903 returns of LAs whose children follow known, constant daily rates, simulated child by child
 * (independently of the forecast engine): children enter care at a constant daily rate, aged 5 to
 * 14, into in-house fostering, IFA fostering or an agency children's home; each day a child in a
 * group leaves care, or moves to another group, with a fixed probability; at 18 every child leaves.
 * Returns cover collection years {@link #FIRST_YEAR} to {@link #LAST_YEAR}; the simulation starts
 * years earlier so that the first return already holds a settled stock.
 */
final class KnownRatesCounty {
    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2022;
    static final double ENTRIES_PER_DAY = 0.3;
    /** Groups as 903 codes, with the share of entries into each. */
    static final String[] GROUPS = {"foster_inhouse", "foster_ifa", "home_agency"};
    private static final String[][] CODES = {{"U4", "PR1"}, {"U4", "PR4"}, {"K2", "PR4"}};
    private static final double[] ENTRY_SHARE = {0.6, 0.3, 0.1};
    /** Daily probability of leaving care from each group. */
    static final double[] LEAVING = {1.0 / 900, 1.0 / 1100, 1.0 / 500};
    /** Daily probability of moving from group i to group j. */
    static final double[][] MOVES = {{0, 1.0 / 3000, 1.0 / 4000}, {0, 0, 1.0 / 2500}, {0, 1.0 / 1500, 0}};
    private static final LocalDate SIMULATION_START = LocalDate.of(2008, 4, 1);
    private static final LocalDate END = LocalDate.of(LAST_YEAR, 3, 31);
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private record Stay(String child, LocalDate dob, LocalDate from, LocalDate to, int group, boolean first,
                        String reason) {
    }

    private KnownRatesCounty() {
    }

    /** Writes episodes and header files for each LA (named {@code Known 1}, {@code Known 2}, ...) into {@code dir}. */
    static void write(Path dir, int las, long seed) throws IOException {
        StringBuilder[] episodes = new StringBuilder[LAST_YEAR + 1];
        StringBuilder[] headers = new StringBuilder[LAST_YEAR + 1];
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            episodes[year] = new StringBuilder("LA,CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
                    + "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
            headers[year] = new StringBuilder("LA,CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int la = 1; la <= las; la++) {
            String name = "Known " + la;
            for (Stay stay : simulate(random, "K" + la + "-")) {
                for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                    LocalDate yearStart = LocalDate.of(year - 1, 4, 1);
                    LocalDate yearEnd = LocalDate.of(year, 3, 31);
                    // A return holds the episodes open at some point in its year; DEC after the year end is blank.
                    boolean overlaps = !stay.from.isAfter(yearEnd) && (stay.to == null || !stay.to.isBefore(yearStart));
                    if (!overlaps) {
                        continue;
                    }
                    boolean endsInYear = stay.to != null && !stay.to.isAfter(yearEnd);
                    episodes[year].append(String.join(",", name, stay.child, DMY.format(stay.from),
                            stay.first ? "S" : "P", "C2", "N1", CODES[stay.group][0], CODES[stay.group][1],
                            endsInYear ? DMY.format(stay.to) : "", endsInYear ? stay.reason : "", "", "", "", ""))
                            .append('\n');
                    headers[year].append(String.join(",", name, stay.child, "1", DMY.format(stay.dob), "WBRI", "", "", ""))
                            .append('\n');
                }
            }
        }
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            Files.writeString(dir.resolve("episodes_" + year + ".csv"), episodes[year]);
            // a child with two episodes in a year is listed twice; the header's dedup keeps one row
            Files.writeString(dir.resolve("header_" + year + ".csv"), headers[year]);
        }
    }

    /** Every child's stays (one per placement group) from the simulation's start to the last return's end. */
    private static List<Stay> simulate(SplittableRandom random, String prefix) {
        List<Stay> stays = new ArrayList<>();
        int next = 0;
        for (LocalDate day = SIMULATION_START; !day.isAfter(END); day = day.plusDays(1)) {
            // Poisson entries by inversion
            double limit = Math.exp(-ENTRIES_PER_DAY);
            double product = random.nextDouble();
            while (product > limit) {
                LocalDate dob = day.minusDays(5 * 365 + random.nextInt(10 * 365));
                int group = pick(random, ENTRY_SHARE);
                follow(random, prefix + next++, dob, day, group, stays);
                product *= random.nextDouble();
            }
        }
        return stays;
    }

    /** Follows one child from entry day by day until they leave, turn 18 or the returns end. */
    private static void follow(SplittableRandom random, String child, LocalDate dob, LocalDate entered, int group,
                               List<Stay> stays) {
        LocalDate eighteenth = dob.plusYears(18);
        LocalDate from = entered;
        boolean first = true;
        // The child is in care at the end of the entry day; changes happen on later days.
        for (LocalDate day = entered.plusDays(1); !day.isAfter(END); day = day.plusDays(1)) {
            if (!day.isBefore(eighteenth)) {
                stays.add(new Stay(child, dob, from, day, group, first, "E8"));
                return;
            }
            double u = random.nextDouble();
            if (u < LEAVING[group]) {
                stays.add(new Stay(child, dob, from, day, group, first, "E11"));
                return;
            }
            u -= LEAVING[group];
            for (int to = 0; to < GROUPS.length; to++) {
                if (u < MOVES[group][to]) {
                    stays.add(new Stay(child, dob, from, day, group, first, "X1"));
                    from = day;
                    group = to;
                    first = false;
                    break;
                }
                u -= MOVES[group][to];
            }
        }
        stays.add(new Stay(child, dob, from, null, group, first, null));
    }

    private static int pick(SplittableRandom random, double[] shares) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            if (u < shares[i]) {
                return i;
            }
            u -= shares[i];
        }
        return shares.length - 1;
    }
}
