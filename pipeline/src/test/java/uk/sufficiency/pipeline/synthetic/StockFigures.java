package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sufficiency strategy's figures for one LA from its return for a collection year, by the
 * counting rules: looked after at the end of 31 March when DECOM is on or before it and DEC is
 * blank or later; started and ceased during the year; V3/V4 short breaks never count.
 */
final class StockFigures {
    int stock;
    int males;
    final Map<String, Integer> byGroup = new TreeMap<>();
    final Map<String, Integer> byPlace = new TreeMap<>();
    final Map<String, Integer> byAgeBand = new TreeMap<>();
    final Map<String, Integer> byLegalStatus = new TreeMap<>();
    /** Non-connected foster placements by age band 0-5, 6-10, 11+. */
    final int[] inHouse = new int[3];
    final int[] ifa = new int[3];
    final int started;
    final int ceased;
    final Map<String, Integer> ceasedByReason = new TreeMap<>();

    StockFigures(List<Map<String, String>> episodes, List<Map<String, String>> header, int year) {
        LocalDate march31 = LocalDate.of(year, 3, 31);
        LocalDate april1 = LocalDate.of(year - 1, 4, 1);
        Map<String, Map<String, String>> children = new HashMap<>();
        header.forEach(h -> children.put(h.get("CHILD"), h));
        Set<String> starters = new HashSet<>();
        Map<String, String> lastReasonCeased = new HashMap<>();
        for (Map<String, String> e : episodes) {
            if (e.get("LS").equals("V3") || e.get("LS").equals("V4")) {
                continue;
            }
            LocalDate decom = ReturnRows.date(e.get("DECOM"));
            LocalDate dec = ReturnRows.date(e.get("DEC"));
            if (e.get("RNE").equals("S") && !decom.isBefore(april1)) {
                starters.add(e.get("CHILD"));
            }
            // a return's rows are in date order per child, so the last reason seen is the latest
            if (dec != null && !e.get("REC").equals("X1")) {
                lastReasonCeased.put(e.get("CHILD"), e.get("REC"));
            }
            if (!decom.isAfter(march31) && (dec == null || dec.isAfter(march31))) {
                countLookedAfter(e, children.get(e.get("CHILD")), march31);
            }
        }
        started = starters.size();
        ceased = lastReasonCeased.size();
        lastReasonCeased.values().forEach(reason -> ceasedByReason.merge(reason, 1, Integer::sum));
    }

    private void countLookedAfter(Map<String, String> episode, Map<String, String> child, LocalDate march31) {
        stock++;
        if (child.get("SEX").equals("1")) {
            males++;
        }
        int age = Period.between(ReturnRows.date(child.get("DOB")), march31).getYears();
        byAgeBand.merge(age < 1 ? "Under 1" : age < 5 ? "1 to 4" : age < 10 ? "5 to 9" : age < 16 ? "10 to 15" : "16 and over", 1, Integer::sum);
        byLegalStatus.merge(episode.get("LS"), 1, Integer::sum);
        String place = episode.get("PLACE");
        byGroup.merge(group(place), 1, Integer::sum);
        byPlace.merge(place, 1, Integer::sum);
        if (List.of("U4", "U5", "U6").contains(place)) {
            int band = age <= 5 ? 0 : age <= 10 ? 1 : 2;
            String provider = episode.get("PLACE_PROVIDER");
            if (provider.equals("PR1")) {
                inHouse[band]++;
            } else if (provider.equals("PR4") || provider.equals("PR5")) {
                ifa[band]++;
            }
        }
    }

    /** The strategy KPI groups of counting-rules §8. */
    static String group(String place) {
        return switch (place) {
            case "U1", "U2", "U3", "U4", "U5", "U6" -> "fostering";
            case "P1" -> "with_parents";
            case "K2", "R1" -> "childrens_homes";
            case "H5", "P2", "K3" -> "supported";
            case "A3", "A4", "A5", "A6" -> "adoption";
            default -> "other";
        };
    }

    double share(String group) {
        return 100.0 * byGroup.getOrDefault(group, 0) / stock;
    }

    double ageShare(String band) {
        return 100.0 * byAgeBand.getOrDefault(band, 0) / stock;
    }

    /** IFA share of non-connected fostering, as the strategy defines it: IFA ÷ (in-house + IFA). */
    double ifaShare(int band) {
        return 100.0 * ifa[band] / (ifa[band] + inHouse[band]);
    }

    double ceasedShare(String... reasons) {
        int n = 0;
        for (String reason : reasons) {
            n += ceasedByReason.getOrDefault(reason, 0);
        }
        return 100.0 * n / ceased;
    }

    String describe() {
        return String.format("stock %d; fostering %.1f%%, with parents %.1f%%, children's homes %.1f%%, supported %.1f%%,"
                        + " placed for adoption %.1f%%, other %.1f%%; IFA share of non-connected fostering 0-5 %.1f%% (%d of %d),"
                        + " 6-10 %.1f%% (%d of %d), 11+ %.1f%% (%d of %d); male %.1f%%; ages %s; legal statuses %s; PLACE %s;"
                        + " started %d, ceased %d (SGO %.1f%%, adoption %.1f%%, return home %.1f%%); reasons ceased %s",
                stock, share("fostering"), share("with_parents"), share("childrens_homes"), share("supported"),
                share("adoption"), share("other"),
                ifaShare(0), ifa[0], ifa[0] + inHouse[0], ifaShare(1), ifa[1], ifa[1] + inHouse[1],
                ifaShare(2), ifa[2], ifa[2] + inHouse[2], 100.0 * males / stock, percentages(byAgeBand),
                percentages(byLegalStatus), percentages(byPlace), started, ceased,
                ceasedShare("E43", "E44"), ceasedShare("E11", "E12"), ceasedShare("E4A", "E4B", "E13"), ceasedByReason);
    }

    private String percentages(Map<String, Integer> counts) {
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format("%.1f%%", 100.0 * v / stock)));
        return s.toString();
    }
}
