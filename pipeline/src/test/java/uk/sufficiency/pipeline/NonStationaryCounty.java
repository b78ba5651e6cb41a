package uk.sufficiency.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 903 returns of LAs whose history is not stationary, simulated child by child (independently of
 * the forecast engine), as real councils' are:
 * <ul>
 *   <li>entries, {@value #BASE_ENTRIES} a day until April 2016, rise 6% a year for three years and then fall 8% a year;
 *   <li>a steady shift from in-house fostering to IFAs: in-house fostering's share of entries
 *       under 13 falls 5 points a year from 65% in 2014, and in-house carers' children move to
 *       IFAs 15% more often each year;
 *   <li>rising children's-home use at 13-17: homes' share of those entries grows 3 points a year
 *       from 10%, and fostered 13-17s move to homes 15% more often each year.
 * </ul>
 * Entrants are 0 to 16, every child leaves at 18, and leaving rates are each group's own. Returns
 * cover collection years {@link #FIRST_YEAR} to {@link #LAST_YEAR}; the simulation starts years
 * earlier so that the first return already holds a settled stock.
 */
final class NonStationaryCounty {
    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2022;
    static final double BASE_ENTRIES = 1.5;
    private static final String[][] CODES = {{"U4", "PR1"}, {"U4", "PR4"}, {"K2", "PR4"}};
    private static final int INHOUSE = 0;
    private static final int IFA = 1;
    private static final int HOME = 2;
    private static final double[] LEAVING = {1.0 / 1000, 1.0 / 1100, 1.0 / 600};
    private static final LocalDate SIMULATION_START = LocalDate.of(2004, 4, 1);
    private static final LocalDate TREND_ORIGIN = LocalDate.of(2014, 4, 1);
    private static final LocalDate RISE_FROM = LocalDate.of(2016, 4, 1);
    private static final LocalDate FALL_FROM = LocalDate.of(2019, 4, 1);
    private static final LocalDate END = LocalDate.of(LAST_YEAR, 3, 31);
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private record Stay(String child, LocalDate dob, LocalDate from, LocalDate to, int group, boolean first,
                        String reason) {
    }

    private NonStationaryCounty() {
    }

    /** Expected entries a day on a date. */
    static double entriesPerDay(LocalDate day) {
        if (day.isBefore(RISE_FROM)) {
            return BASE_ENTRIES;
        }
        if (day.isBefore(FALL_FROM)) {
            return BASE_ENTRIES * Math.pow(1.06, years(RISE_FROM, day));
        }
        return BASE_ENTRIES * Math.pow(1.06, 3) * Math.pow(0.92, years(FALL_FROM, day));
    }

    private static double years(LocalDate from, LocalDate day) {
        return ChronoUnit.DAYS.between(from, day) / 365.25;
    }

    /** Years since the trends began (0 before). */
    private static double trendYears(LocalDate day) {
        return Math.max(0, years(TREND_ORIGIN, day));
    }

    /** Writes episodes and header files for each LA (named {@code Shifting 1}, ...) into {@code dir}. */
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
            String name = "Shifting " + la;
            for (Stay stay : simulate(random, "S" + la + "-")) {
                for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                    LocalDate yearStart = LocalDate.of(year - 1, 4, 1);
                    LocalDate yearEnd = LocalDate.of(year, 3, 31);
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
            Files.writeString(dir.resolve("header_" + year + ".csv"), headers[year]);
        }
    }

    private static List<Stay> simulate(SplittableRandom random, String prefix) {
        List<Stay> stays = new ArrayList<>();
        int next = 0;
        for (LocalDate day = SIMULATION_START; !day.isAfter(END); day = day.plusDays(1)) {
            double limit = Math.exp(-entriesPerDay(day));
            double product = random.nextDouble();
            while (product > limit) {
                LocalDate dob = day.minusDays(random.nextInt(17 * 365));
                follow(random, prefix + next++, dob, day, entryGroup(random, day, ageOn(dob, day)), stays);
                product *= random.nextDouble();
            }
        }
        return stays;
    }

    private static int ageOn(LocalDate dob, LocalDate day) {
        return (int) ChronoUnit.YEARS.between(dob, day);
    }

    private static int entryGroup(SplittableRandom random, LocalDate day, int age) {
        double t = trendYears(day);
        double inhouseOfFostering = Math.max(0.2, 0.65 - 0.05 * t) / 0.97;
        double home = age >= 13 ? Math.min(0.5, 0.10 + 0.03 * t) : 0.03;
        double u = random.nextDouble();
        if (u < home) {
            return HOME;
        }
        return (u - home) / (1 - home) < inhouseOfFostering ? INHOUSE : IFA;
    }

    /** Daily probability of moving from one group to another on a day at an age. */
    private static double move(int from, int to, LocalDate day, int age) {
        double growth = 1 + 0.15 * trendYears(day);
        if (from == INHOUSE && to == IFA) {
            return growth / 4000;
        }
        if (from == IFA && to == INHOUSE) {
            return 1.0 / 6000;
        }
        if (from != HOME && to == HOME) {
            return age >= 13 ? growth / 5000 : 0;
        }
        if (from == HOME && to == IFA) {
            return 1.0 / 2000;
        }
        return 0;
    }

    private static void follow(SplittableRandom random, String child, LocalDate dob, LocalDate entered, int group,
                               List<Stay> stays) {
        LocalDate eighteenth = dob.plusYears(18);
        LocalDate from = entered;
        boolean first = true;
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
            int age = ageOn(dob, day);
            for (int to = 0; to < CODES.length; to++) {
                double p = to == group ? 0 : move(group, to, day, age);
                if (u < p) {
                    stays.add(new Stay(child, dob, from, day, group, first, "X1"));
                    from = day;
                    group = to;
                    first = false;
                    break;
                }
                u -= p;
            }
        }
        stays.add(new Stay(child, dob, from, null, group, first, null));
    }
}
