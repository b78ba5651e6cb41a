package uk.sufficiency.pipeline.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the pooled returns of three LAs over three years against the 903 rules they must keep. */
class SyntheticReturnsTest {
    private static final int LAST_YEAR = 2023;
    private static final List<String> LEGAL_STATUSES =
            List.of("C1", "C2", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4");
    /** counting-rules §8: every PLACE code that has a placement category. */
    private static final List<String> PLACES = List.of("U1", "U2", "U3", "U4", "U5", "U6", "K1", "K2", "K3", "R1",
            "R2", "R3", "R5", "H5", "P1", "P2", "P3", "A3", "A4", "A5", "A6", "S1", "T0", "T1", "T2", "T3", "T4",
            "Z1", "Z11", "Z12", "Z13", "Z14");
    private static final List<String> PROVIDERS = List.of("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");
    private static final List<String> REASONS_NEW_EPISODE = List.of("S", "P", "L", "T", "B", "U");
    private static final List<String> REASONS_ENDED = List.of("X1", "E11", "E12", "E43", "E44", "E4A", "E4B", "E13",
            "E41", "E2", "E3", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17");
    private static final List<String> PLACE_CHANGE_REASONS = List.of("", "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR",
            "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER");
    private static final Pattern DATE = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");
    private static final Pattern UPN = Pattern.compile("UN1|[A-HJ-NPQRT-Z]\\d{12}");
    private static final Pattern POSTCODE = Pattern.compile("Q[A-Z]\\d{1,2} \\d[A-Z]{2}");

    private static GeneratedReturns pooled;

    @BeforeAll
    static void generate(@TempDir Path out) throws IOException {
        pooled = GeneratedReturns.generate(new GeneratorOptions(out, 3, 3, 2022, LAST_YEAR));
    }

    @Test
    void defaultsAreOneLaOverSixYearsTo2024() {
        Path out = Path.of("out");
        assertEquals(new GeneratorOptions(out, 1, 6, 2022, 2024), GeneratorOptions.defaults(out));
        assertEquals(2019, GeneratorOptions.defaults(out).firstYear());
        assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(out, 0, 6, 1, 2024));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(out, 1, 0, 1, 2024));
        assertThrows(NullPointerException.class, () -> new GeneratorOptions(null, 1, 6, 1, 2024));
    }

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedDifferentOnes(@TempDir Path out) throws IOException {
        GeneratedSummary first = SyntheticReturns.write(new GeneratorOptions(out.resolve("a"), 2, 2, 7, 2022));
        GeneratedSummary again = SyntheticReturns.write(new GeneratorOptions(out.resolve("b"), 2, 2, 7, 2022));
        GeneratedSummary other = SyntheticReturns.write(new GeneratorOptions(out.resolve("c"), 2, 2, 8, 2022));
        assertEquals(7, first.files().size());
        for (int i = 0; i < first.files().size(); i++) {
            assertEquals(-1, Files.mismatch(first.files().get(i), again.files().get(i)), first.files().get(i).toString());
        }
        assertNotEquals(-1, Files.mismatch(first.files().get(0), other.files().get(0)));
    }

    @Test
    void pooledFilesCarryLaAndYearColumns() throws IOException {
        assertEquals(List.of("Demo County", "Synthetic LA 002", "Synthetic LA 003"), pooled.summary.laNames());
        Path out = pooled.options.outDir();
        assertEquals(List.of(out.resolve("episodes_2021.csv"), out.resolve("header_2021.csv"),
                out.resolve("episodes_2022.csv"), out.resolve("header_2022.csv"),
                out.resolve("episodes_2023.csv"), out.resolve("header_2023.csv"), out.resolve("population.csv"),
                out.resolve("benchmarks.csv"), out.resolve("kpi_targets.csv")),
                pooled.summary.files());
        long episodeRows = 0;
        long headerRows = 0;
        for (int year = 2021; year <= LAST_YEAR; year++) {
            assertEquals(List.of("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                    "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN", "LA", "YEAR"), ReturnRows.columns(pooled.episodeFile(year)));
            assertEquals(List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "LA", "YEAR"),
                    ReturnRows.columns(pooled.headerFile(year)));
            for (List<Map<String, String>> rows : List.of(pooled.episodes.get(year), pooled.headers.get(year))) {
                Set<String> las = new HashSet<>();
                for (Map<String, String> row : rows) {
                    assertEquals(Integer.toString(year), row.get("YEAR"));
                    las.add(row.get("LA"));
                }
                assertEquals(Set.copyOf(pooled.summary.laNames()), las);
            }
            episodeRows += pooled.episodes.get(year).size();
            headerRows += pooled.headers.get(year).size();
        }
        assertEquals(episodeRows, pooled.summary.episodeRows());
        assertEquals(headerRows, pooled.summary.headerRows());
    }

    @Test
    void oneLaIsWrittenAsYearlyFoldersWithoutLaColumn(@TempDir Path out) throws IOException {
        GeneratedSummary summary = SyntheticReturns.write(new GeneratorOptions(out, 1, 2, 2022, 2024));
        assertEquals(List.of("Demo County"), summary.laNames());
        assertEquals(List.of(out.resolve("2023/episodes_2023.csv"), out.resolve("2023/header_2023.csv"),
                out.resolve("2024/episodes_2024.csv"), out.resolve("2024/header_2024.csv"), out.resolve("population.csv"),
                out.resolve("benchmarks.csv"), out.resolve("kpi_targets.csv"), out.resolve("placement_costs.csv"), out.resolve("placement_requests.csv"),
                out.resolve("capacity.csv")),
                summary.files());
        assertEquals(List.of("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"), ReturnRows.columns(out.resolve("2024/episodes_2024.csv")));
        assertEquals(List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
                ReturnRows.columns(out.resolve("2024/header_2024.csv")));
        // calendar years 2021 (lastYear - years - 1) to 2024
        assertEquals(List.of("LA,YEAR,POPULATION_0_17", "Demo County,2021,253000", "Demo County,2022,254520",
                "Demo County,2023,256040", "Demo County,2024,257550"), Files.readAllLines(out.resolve("population.csv")));
    }

    @Test
    void populationCoversEveryLaAndYear() throws IOException {
        List<Map<String, String>> rows = ReturnRows.read(pooled.options.outDir().resolve("population.csv"));
        assertEquals(3 * 5, rows.size());
        for (Map<String, String> row : rows) {
            int year = Integer.parseInt(row.get("YEAR"));
            assertTrue(year >= 2019 && year <= 2023, row.toString());
            assertTrue(Long.parseLong(row.get("POPULATION_0_17")) > 0, row.toString());
        }
        assertEquals("253000", rows.stream().filter(r -> r.get("LA").equals("Demo County") && r.get("YEAR").equals("2021"))
                .findFirst().orElseThrow().get("POPULATION_0_17"));
    }

    @Test
    void benchmarksGiveTheDemoCountyEnglandTheNorthWestAndItsNeighbours(@TempDir Path out) throws IOException {
        SyntheticReturns.write(new GeneratorOptions(out, 1, 2, 2022, 2024));
        List<String> lines = Files.readAllLines(out.resolve("benchmarks.csv"));
        assertEquals("AREA,AREA_TYPE,YEAR,MEASURE,VALUE,REGION", lines.get(0));
        // 2011-2024 whatever the number of returns, four rows a year; 2025 is after the last year.
        assertEquals(1 + 14 * 4, lines.size());
        // Seed 004, "Rate per 10,000 at 31 March", 2018/19 (printed x10): National 650, NW "9540"
        // (94, as the text says), Statistical Neighbours 720.
        assertEquals(List.of("England,england,2019,looked_after_31_march_rate,65,",
                "North West,region,2019,looked_after_31_march_rate,94,",
                "Demo County,statistical_neighbours,2019,looked_after_31_march_rate,72.0,",
                "Demo County,la,2019,looked_after_31_march_rate,z,North West"), yearRows(lines, "2019"));
        // 2010/11, the table's first column: 580, 760, 568.
        assertEquals(List.of("England,england,2011,looked_after_31_march_rate,58,",
                "North West,region,2011,looked_after_31_march_rate,76,",
                "Demo County,statistical_neighbours,2011,looked_after_31_march_rate,56.8,",
                "Demo County,la,2011,looked_after_31_march_rate,z,North West"), yearRows(lines, "2011"));
        // 2022, after the seed: DfE's 2025 release, England 70, North West 97; Lancashire's ten
        // neighbours in the 2025 model 51, 82, 85, 112, 122, 133, 88, 59, 73, 90: 895 / 10 = 89.5.
        assertEquals(List.of("England,england,2022,looked_after_31_march_rate,70,",
                "North West,region,2022,looked_after_31_march_rate,97,",
                "Demo County,statistical_neighbours,2022,looked_after_31_march_rate,89.5,",
                "Demo County,la,2022,looked_after_31_march_rate,z,North West"), yearRows(lines, "2022"));
        assertTrue(yearRows(lines, "2025").isEmpty());
        // Pooled: only the first LA, the demo county, has them; the years stop at the last return.
        List<String> pooledLines = Files.readAllLines(pooled.options.outDir().resolve("benchmarks.csv"));
        assertEquals(1 + 13 * 4, pooledLines.size());
        assertTrue(pooledLines.stream().skip(1).allMatch(l -> l.startsWith("England,") || l.startsWith("North West,")
                || l.startsWith("Demo County,")), pooledLines.toString());
    }

    @Test
    void targetsAreLancashiresStrategyKpisForTheDemoCountyOnly() throws IOException {
        // Seed 004 section 5: baselines (March 2020) 15.5%, 62.3%, 6 a year, 9.1%, 53%; targets 13.5%,
        // 70%, 10 a year, 8.3%, 60%, all by 2024. Every row names the demo county, so a pooled LA has none.
        String source = ",1,Lancashire CLA Sufficiency Strategy 2021-2024: section 5";
        assertEquals(List.of("LA,KPI,BASELINE_DATE,BASELINE_VALUE,TARGET_DATE,TARGET_VALUE,POLARITY,TOLERANCE,SOURCE",
                "Demo County,with_parents_share,31/03/2020,15.5,31/03/2024,13.5,down" + source,
                "Demo County,fostering_share,31/03/2020,62.3,31/03/2024,70,up" + source,
                "Demo County,step_down_started,31/03/2020,6,31/03/2024,10,up" + source,
                "Demo County,childrens_homes_share,31/03/2020,9.1,31/03/2024,8.3,down" + source,
                "Demo County,block_supported_high_priority_share,31/03/2020,53,31/03/2024,60,up" + source),
                Files.readAllLines(pooled.options.outDir().resolve("kpi_targets.csv")));
    }

    private static List<String> yearRows(List<String> lines, String year) {
        return lines.stream().filter(l -> l.split(",")[2].equals(year)).toList();
    }

    @Test
    void everyEpisodeOverlapsTheYearOfItsReturnAndShowsDecOnlyIfClosedByItsEnd() {
        for (var entry : pooled.episodes.entrySet()) {
            LocalDate yearStart = LocalDate.of(entry.getKey() - 1, 4, 1);
            LocalDate yearEnd = LocalDate.of(entry.getKey(), 3, 31);
            for (Map<String, String> row : entry.getValue()) {
                LocalDate decom = ReturnRows.date(row.get("DECOM"));
                LocalDate dec = ReturnRows.date(row.get("DEC"));
                assertFalse(decom.isAfter(yearEnd), row.toString());
                if (dec != null) {
                    assertFalse(dec.isBefore(yearStart) || dec.isAfter(yearEnd), row.toString());
                    assertTrue(dec.isAfter(decom), row.toString());
                }
                // REC and the reason for a move are known only once the episode has closed
                assertEquals(dec == null, row.get("REC").isEmpty(), row.toString());
                if (dec == null) {
                    assertEquals("", row.get("REASON_PLACE_CHANGE"), row.toString());
                }
            }
        }
    }

    @Test
    void anEpisodeClosedAfter31MarchIsOpenInThatYearsReturn() {
        int checked = 0;
        for (int year = 2021; year < LAST_YEAR; year++) {
            LocalDate yearEnd = LocalDate.of(year, 3, 31);
            Map<String, Map<String, String>> earlier = byKey(pooled.episodes.get(year));
            for (Map<String, String> later : pooled.episodes.get(year + 1)) {
                LocalDate decom = ReturnRows.date(later.get("DECOM"));
                if (!later.get("DEC").isEmpty() && !decom.isAfter(yearEnd)) {
                    Map<String, String> before = earlier.get(key(later));
                    assertNotNull(before, "episode missing from the " + year + " return: " + later);
                    assertEquals("", before.get("DEC"));
                    assertEquals("", before.get("REC"));
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "too few episodes spanning two returns: " + checked);
    }

    @Test
    void anEpisodeInTwoReturnsKeepsItsDetailsAndGainsOnlyItsEnding() {
        List<String> ending = List.of("DEC", "REC", "REASON_PLACE_CHANGE", "YEAR");
        int repeated = 0;
        for (int year = 2021; year < LAST_YEAR; year++) {
            Map<String, Map<String, String>> later = byKey(pooled.episodes.get(year + 1));
            for (Map<String, String> before : pooled.episodes.get(year)) {
                Map<String, String> after = later.get(key(before));
                if (after == null) {
                    // absent from the next return only if it closed by the end of this one
                    assertFalse(before.get("DEC").isEmpty(), before.toString());
                    continue;
                }
                repeated++;
                for (String column : before.keySet()) {
                    if (!ending.contains(column)) {
                        assertEquals(before.get(column), after.get(column), column + " of " + before);
                    }
                }
                assertEquals("", before.get("DEC"));
            }
        }
        assertTrue(repeated > 1000, "too few repeated episodes: " + repeated);
    }

    @Test
    void aChildsEpisodesFollowOnWithinAPeriodOfCare() {
        Map<String, List<Map<String, String>>> byChild = latestEpisodesByChild();
        int continued = 0;
        int reentries = 0;
        for (List<Map<String, String>> episodes : byChild.values()) {
            for (int i = 0; i + 1 < episodes.size(); i++) {
                Map<String, String> episode = episodes.get(i);
                Map<String, String> next = episodes.get(i + 1);
                assertFalse(episode.get("DEC").isEmpty(), "only the last episode can be open: " + episode);
                if (next.get("RNE").equals("S")) {
                    // a new period of care: the previous one had ended, for a real reason
                    assertNotEquals("X1", episode.get("REC"), episode.toString());
                    assertTrue(ReturnRows.date(episode.get("DEC")).isBefore(ReturnRows.date(next.get("DECOM"))), next.toString());
                    reentries++;
                } else {
                    assertEquals(episode.get("DEC"), next.get("DECOM"), next.toString());
                    assertEquals("X1", episode.get("REC"), episode.toString());
                    continued++;
                }
            }
            Map<String, String> last = episodes.get(episodes.size() - 1);
            assertNotEquals("X1", last.get("REC"), "X1 only when another episode follows: " + last);
        }
        assertTrue(continued > 1000 && reentries > 10, continued + " continuing episodes, " + reentries + " re-entries");
    }

    @Test
    void codesComeFromTheAllowedLists() {
        for (Map<String, String> row : pooled.allEpisodes()) {
            String context = row.toString();
            assertTrue(row.get("CHILD").matches("\\d+"), context);
            assertTrue(DATE.matcher(row.get("DECOM")).matches(), context);
            assertTrue(row.get("DEC").isEmpty() || DATE.matcher(row.get("DEC")).matches(), context);
            assertTrue(REASONS_NEW_EPISODE.contains(row.get("RNE")), context);
            assertTrue(LEGAL_STATUSES.contains(row.get("LS")), context);
            assertTrue(row.get("CIN").matches("N[1-8]"), context);
            assertTrue(PLACES.contains(row.get("PLACE")), context);
            assertTrue(PROVIDERS.contains(row.get("PLACE_PROVIDER")), context);
            assertTrue(row.get("REC").isEmpty() || REASONS_ENDED.contains(row.get("REC")), context);
            assertTrue(PLACE_CHANGE_REASONS.contains(row.get("REASON_PLACE_CHANGE")), context);
            assertTrue(POSTCODE.matcher(row.get("HOME_POST")).matches(), context);
            assertTrue(POSTCODE.matcher(row.get("PL_POST")).matches(), context);
            assertTrue(row.get("URN").matches("SC\\d{6}|XXXXXXX"), context);
        }
        for (Map<String, String> row : pooled.headers.values().stream().flatMap(List::stream).toList()) {
            assertTrue(List.of("1", "2").contains(row.get("SEX")), row.toString());
            assertTrue(DATE.matcher(row.get("DOB")).matches(), row.toString());
            assertTrue(row.get("ETHNIC").matches("[A-Z]{4}"), row.toString());
            assertTrue(UPN.matcher(row.get("UPN")).matches(), row.toString());
            assertEquals(row.get("MOTHER").equals("1"), !row.get("MC_DOB").isEmpty(), row.toString());
        }
    }

    @Test
    void placementsAndEndingsFitTheChildsLegalStatusAndAge() {
        Map<String, LocalDate> dobs = new HashMap<>();
        pooled.headers.values().forEach(rows -> rows.forEach(h -> dobs.put(pooled.la(h) + "/" + h.get("CHILD"), ReturnRows.date(h.get("DOB")))));
        for (Map<String, String> row : pooled.allEpisodes()) {
            String place = row.get("PLACE");
            String rec = row.get("REC");
            LocalDate dob = dobs.get(pooled.la(row) + "/" + row.get("CHILD"));
            LocalDate decom = ReturnRows.date(row.get("DECOM"));
            assertNotNull(dob, "no header row for " + row);
            assertTrue(dob.isBefore(decom) || dob.equals(decom), row.toString());
            assertTrue(decom.isBefore(dob.plusYears(18)), "in care at 18: " + row);
            if (place.equals("P1")) {
                assertTrue(List.of("C1", "C2").contains(row.get("LS")), "placed with parents needs a care order: " + row);
                assertEquals("PR0", row.get("PLACE_PROVIDER"));
            }
            if (place.equals("A5") || place.equals("A6")) {
                assertEquals("E1", row.get("LS"), "placed for adoption under a placement order: " + row);
            }
            if (place.equals("H5") || place.equals("P2")) {
                assertTrue(Period.between(dob, decom).getYears() >= 16, "supported accommodation is for 16+: " + row);
            }
            if (rec.equals("E11") || rec.equals("E12")) {
                assertTrue(List.of("A3", "A4", "A5", "A6").contains(place), "adopted without an adoption placement: " + row);
            }
            if (rec.equals("E43") || rec.equals("E44")) {
                assertTrue(ReturnRows.date(row.get("DEC")).isBefore(dob.plusYears(18)), row.toString());
            }
        }
    }

    @Test
    void eachReturnHasOneHeaderRowPerChildAndAnIdIsAlwaysTheSameChild() {
        Map<String, String> sexAndDob = new HashMap<>();
        for (int year = 2021; year <= LAST_YEAR; year++) {
            for (Map<String, String> h : pooled.headers.get(year)) {
                String before = sexAndDob.put(pooled.la(h) + "/" + h.get("CHILD"), h.get("SEX") + " " + h.get("DOB"));
                assertTrue(before == null || before.equals(h.get("SEX") + " " + h.get("DOB")), "one id, two children: " + h);
            }
            Set<String> withEpisodes = new HashSet<>();
            pooled.episodes.get(year).forEach(e -> withEpisodes.add(pooled.la(e) + "/" + e.get("CHILD")));
            List<String> headerChildren = new ArrayList<>();
            pooled.headers.get(year).forEach(h -> headerChildren.add(pooled.la(h) + "/" + h.get("CHILD")));
            assertEquals(headerChildren.size(), Set.copyOf(headerChildren).size(), "a child twice in the " + year + " header");
            assertEquals(withEpisodes, Set.copyOf(headerChildren));
        }
    }

    @Test
    void aFewShortBreakEpisodesAreIncluded() {
        List<Map<String, String>> episodes = pooled.episodes.get(LAST_YEAR);
        long shortBreaks = episodes.stream().filter(e -> e.get("LS").equals("V3") || e.get("LS").equals("V4")).count();
        assertTrue(shortBreaks > 0 && shortBreaks < 0.05 * episodes.size(), shortBreaks + " of " + episodes.size());
    }

    /** Repeated episodes deduplicated as counting-rules §3 says: the latest return's row wins. */
    private static Map<String, List<Map<String, String>>> latestEpisodesByChild() {
        Map<String, Map<String, String>> latest = new HashMap<>();
        for (Map<String, String> row : pooled.allEpisodes()) {
            latest.put(key(row), row);
        }
        Map<String, List<Map<String, String>>> byChild = new HashMap<>();
        for (Map<String, String> row : latest.values()) {
            byChild.computeIfAbsent(row.get("LA") + "/" + row.get("CHILD"), k -> new ArrayList<>()).add(row);
        }
        byChild.values().forEach(list -> list.sort(Comparator.comparing(r -> ReturnRows.date(r.get("DECOM")))));
        return byChild;
    }

    private static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (Map<String, String> row : rows) {
            assertNull(byKey.put(key(row), row), "an episode twice in one return: " + row);
        }
        return byKey;
    }

    private static String key(Map<String, String> row) {
        return row.get("LA") + "/" + row.get("CHILD") + "/" + row.get("DECOM");
    }
}
