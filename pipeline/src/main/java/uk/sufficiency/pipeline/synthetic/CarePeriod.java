package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One period of care while it is being planned: when the legal status changed, when the child
 * moved, and how and when the period ended. {@link #episodes} cuts it into 903 episodes, a new one
 * whenever the legal status or the home changes, which is how case systems build the return.
 */
final class CarePeriod {
    /** Why the home changed, weighted roughly as LAs record it; T and U moves are care-plan changes. */
    private static final Mix<String> PLACE_CHANGE_REASONS = Mix.of(
            "CARPL", 32, "CREQB", 12, "CREQO", 10, "CHILD", 8, "LAREQ", 9, "PLACE", 7, "CLOSE", 4,
            "ALLEG", 3, "STAND", 3, "APPRR", 2, "OTHER", 10);

    private final LocalDate start;
    private final TreeMap<LocalDate, String> legalStatuses = new TreeMap<>();
    private final TreeMap<LocalDate, Placement> homes = new TreeMap<>();
    private String categoryOfNeed = "N1";
    private LocalDate end;
    private String reasonEnded;

    CarePeriod(LocalDate start) {
        this.start = start;
    }

    LocalDate end() {
        return end;
    }

    String reasonEnded() {
        return reasonEnded;
    }

    /** CIN: the main reason the child needed to be looked after, kept for the whole period. */
    void categoryOfNeed(String code) {
        this.categoryOfNeed = code;
    }

    /** Changes planned on or after the end of the period simply never happen. */
    void legalStatus(LocalDate from, String status) {
        legalStatuses.put(from, status);
    }

    void home(LocalDate from, Placement placement) {
        homes.put(from, placement);
    }

    String legalStatusOn(LocalDate date) {
        Map.Entry<LocalDate, String> entry = legalStatuses.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }

    Placement homeOn(LocalDate date) {
        Map.Entry<LocalDate, Placement> entry = homes.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }

    void end(LocalDate date, String reason) {
        this.end = date;
        this.reasonEnded = reason;
    }

    List<Episode> episodes(String homePostcode, Draw draw) {
        if (end == null || !end.isAfter(start)) {
            throw new IllegalStateException("a period of care must end after it starts");
        }
        if (!start.equals(legalStatuses.firstKey()) || !start.equals(homes.firstKey())) {
            throw new IllegalStateException("a period of care needs a legal status and a home from its first day");
        }
        TreeSet<LocalDate> changes = new TreeSet<>(legalStatuses.headMap(end).keySet());
        changes.addAll(homes.headMap(end).keySet());

        List<Episode> episodes = new ArrayList<>();
        String status = null;
        Placement home = null;
        LocalDate decom = null;
        String rne = null;
        for (LocalDate date : changes) {
            String newStatus = legalStatuses.floorEntry(date).getValue();
            Placement newHome = homes.floorEntry(date).getValue();
            String newRne = reasonNewEpisode(status, home, newStatus, newHome);
            if (newRne == null) {
                continue;
            }
            if (decom != null) {
                episodes.add(new Episode(decom, date, rne, status, categoryOfNeed, home, "X1",
                        placeChangeReason(newRne, newHome, draw), homePostcode));
            }
            decom = date;
            rne = newRne;
            status = newStatus;
            home = newHome;
        }
        episodes.add(new Episode(decom, end, rne, status, categoryOfNeed, home, reasonEnded, "", homePostcode));
        return episodes;
    }

    /** S, L, P, T, B or U as the 903 guidance defines them; null when nothing actually changed. */
    private static String reasonNewEpisode(String status, Placement home, String newStatus, Placement newHome) {
        if (status == null) {
            return "S";
        }
        boolean legal = !status.equals(newStatus);
        boolean moved = !home.equals(newHome);
        boolean sameCarers = newHome.sameCarers(home);
        if (legal && moved) {
            return sameCarers ? "U" : "B";
        }
        if (legal) {
            return "L";
        }
        if (moved) {
            return sameCarers ? "T" : "P";
        }
        return null;
    }

    /** Recorded on the episode that ends with the move, as case systems do. */
    private static String placeChangeReason(String nextRne, Placement nextHome, Draw draw) {
        return switch (nextRne) {
            case "P", "B" -> nextHome.setting() == Setting.YOUNG_OFFENDER_INSTITUTION ? "CUSTOD" : draw.pick(PLACE_CHANGE_REASONS);
            case "T", "U" -> "CARPL";
            default -> "";
        };
    }
}
