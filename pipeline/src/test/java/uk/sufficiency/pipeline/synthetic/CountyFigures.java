package uk.sufficiency.pipeline.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The demo county's cost, request and capacity files read back in plain Java, with the figures
 * inputs.md §2-§4 define: average weekly cost of the lines covering a date by the category
 * (counting-rules §8) of the episode active that day; requests and the share hard to find (SEARCHES
 * ≥ 3 or RING_ROUND = Y) by financial year or quarter of RECEIVED; capacity rows by date.
 */
final class CountyFigures {
    static final List<String> FOSTER_TYPES = List.of("task_centred_foster", "permanent_foster", "respite_foster",
            "parent_child_foster", "step_down_foster");

    final GeneratedReturns returns;
    /** Episodes deduplicated as counting-rules §3 says (the latest return's row), by child, in DECOM order. */
    final Map<String, List<Map<String, String>>> episodesByChild = new HashMap<>();
    final Map<String, LocalDate> dobs = new HashMap<>();
    final List<Map<String, String>> costs;
    final List<Map<String, String>> requests;
    final List<Map<String, String>> capacity;

    CountyFigures(GeneratedReturns returns) throws IOException {
        this.returns = returns;
        Map<String, Map<String, String>> latest = new LinkedHashMap<>();
        for (Map<String, String> row : returns.allEpisodes()) {
            latest.put(row.get("CHILD") + "/" + row.get("DECOM"), row);
        }
        for (Map<String, String> row : latest.values()) {
            episodesByChild.computeIfAbsent(row.get("CHILD"), k -> new ArrayList<>()).add(row);
        }
        episodesByChild.values().forEach(l -> l.sort((a, b) -> date(a, "DECOM").compareTo(date(b, "DECOM"))));
        returns.headers.values().forEach(rows -> rows.forEach(h -> dobs.put(h.get("CHILD"), date(h, "DOB"))));
        Path out = returns.options.outDir();
        costs = ReturnRows.read(out.resolve(CountyFiles.COSTS));
        requests = ReturnRows.read(out.resolve(CountyFiles.REQUESTS));
        capacity = ReturnRows.read(out.resolve(CountyFiles.CAPACITY));
    }

    static LocalDate date(Map<String, String> row, String column) {
        return ReturnRows.date(row.get(column));
    }

    /** The child's episode active at the end of the day (DECOM ≤ d < DEC), or null. */
    Map<String, String> activeEpisode(String child, LocalDate day) {
        for (Map<String, String> e : episodesByChild.getOrDefault(child, List.of())) {
            LocalDate dec = date(e, "DEC");
            if (!date(e, "DECOM").isAfter(day) && (dec == null || dec.isAfter(day))) {
                return e;
            }
        }
        return null;
    }

    /** counting-rules §8. */
    static String category(Map<String, String> episode) {
        if (episode == null) {
            return "unlinked";
        }
        String place = episode.get("PLACE");
        String provider = episode.get("PLACE_PROVIDER");
        boolean agency = provider.equals("PR4") || provider.equals("PR5");
        return switch (place) {
            case "U1", "U2", "U3" -> "foster_kinship";
            case "U4", "U5", "U6" -> provider.equals("PR1") ? "foster_inhouse" : agency ? "foster_ifa" : "foster_other";
            case "K2", "R1" -> provider.equals("PR1") ? "home_inhouse" : agency ? "home_agency" : "home_other";
            case "K1" -> "secure";
            case "H5", "P2", "K3" -> "supported";
            case "P1" -> "with_parents";
            default -> "other";
        };
    }

    /** Cost lines covering the day (COST_FROM ≤ d, COST_TO blank or ≥ d) whose attributed category is the one given. */
    List<Map<String, String>> costedOn(LocalDate day, String category) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (Map<String, String> line : costs) {
            LocalDate to = date(line, "COST_TO");
            if (!date(line, "COST_FROM").isAfter(day) && (to == null || !to.isBefore(day))
                    && category(activeEpisode(line.get("CHILD"), day)).equals(category)) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Average weekly cost of the placements costed on the day in the category (inputs.md §2). */
    double averageWeeklyCost(LocalDate day, String category) {
        return costedOn(day, category).stream().mapToDouble(l -> Double.parseDouble(l.get("WEEKLY_COST"))).average()
                .orElse(Double.NaN);
    }

    static boolean hard(Map<String, String> request) {
        return Integer.parseInt(request.get("SEARCHES")) >= 3 || request.get("RING_ROUND").equals("Y");
    }

    static boolean foster(Map<String, String> request) {
        return FOSTER_TYPES.contains(request.get("REQUEST_TYPE"));
    }

    static boolean childrensHome(Map<String, String> request) {
        return request.get("REQUEST_TYPE").equals("childrens_home");
    }

    /** Requests received in the financial year (and quarter 1-4, or 0 for the whole year) that match. */
    List<Map<String, String>> received(int year, int quarter, Predicate<Map<String, String>> which) {
        List<Map<String, String>> found = new ArrayList<>();
        for (Map<String, String> r : requests) {
            LocalDate received = date(r, "RECEIVED");
            if (Dates.financialYear(received) == year && (quarter == 0 || Dates.quarter(received) == quarter)
                    && which.test(r)) {
                found.add(r);
            }
        }
        return found;
    }

    static double hardShare(List<Map<String, String>> requests) {
        return 100.0 * requests.stream().filter(CountyFigures::hard).count() / requests.size();
    }

    int ageAt(String child, LocalDate day) {
        return Period.between(dobs.get(child), day).getYears();
    }

    Map<String, String> capacity(LocalDate day, String provision) {
        String text = Dates.dmy(day);
        return capacity.stream().filter(r -> r.get("DATE").equals(text) && r.get("PROVISION").equals(provision))
                .findFirst().orElseThrow(() -> new AssertionError("no " + provision + " row at " + text));
    }

    static int number(Map<String, String> row, String column) {
        return Integer.parseInt(row.get(column));
    }
}
