package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One stay with one carer household or home: the run of a child's consecutive episodes that share
 * a {@link Placement} (a change of legal status alone starts a new episode, not a new spell). What
 * finance pays for and what the placement team searched for are spells, not episodes.
 *
 * @param previous the kind of home the child left for this one, or null at the start of a period of care
 * @param newCarers true when the spell began with new carers (RNE S, P or B); false for RNE T or U,
 *                  the same carers under a new arrangement, which needs no search
 */
record Spell(Child child, Placement home, List<Episode> episodes, Setting previous, boolean newCarers) {
    Spell {
        episodes = List.copyOf(episodes);
    }

    /** A child's spells in date order. */
    static List<Spell> of(Child child) {
        List<Spell> spells = new ArrayList<>();
        List<Episode> run = new ArrayList<>();
        Setting previous = null;
        for (Episode episode : child.episodes()) {
            boolean continues = !run.isEmpty() && run.get(run.size() - 1).home().equals(episode.home())
                    && run.get(run.size() - 1).dec().equals(episode.decom()) && !episode.reasonNewEpisode().equals("S");
            if (!continues && !run.isEmpty()) {
                spells.add(spell(child, run, previous));
                previous = run.get(0).home().setting();
                run = new ArrayList<>();
            }
            if (episode.reasonNewEpisode().equals("S")) {
                previous = null;
            }
            run.add(episode);
        }
        if (!run.isEmpty()) {
            spells.add(spell(child, run, previous));
        }
        return spells;
    }

    private static Spell spell(Child child, List<Episode> run, Setting previous) {
        String rne = run.get(0).reasonNewEpisode();
        boolean newCarers = rne.equals("S") || rne.equals("P") || rne.equals("B");
        return new Spell(child, run.get(0).home(), run, previous, newCarers);
    }

    Setting setting() {
        return home.setting();
    }

    String provider() {
        return home.provider();
    }

    LocalDate start() {
        return episodes.get(0).decom();
    }

    /** The DEC of the last episode: the first day the child no longer lives here. */
    LocalDate end() {
        return episodes.get(episodes.size() - 1).dec();
    }

    boolean startsPeriod() {
        return episodes.get(0).reasonNewEpisode().equals("S");
    }

    /** A series of short breaks (V3/V4): never counted as looked after, and not costed here. */
    boolean shortBreak() {
        String status = episodes.get(0).legalStatus();
        return status.equals("V3") || status.equals("V4");
    }

    /** Living here at the end of day d (counting-rules §6: DECOM ≤ d < DEC). */
    boolean activeOn(LocalDate d) {
        return !start().isAfter(d) && end().isAfter(d);
    }

    double ageAt(LocalDate date) {
        return (date.toEpochDay() - child.dob().toEpochDay()) / PeriodPlanner.DAYS_PER_YEAR;
    }

    boolean agency() {
        return provider().equals("PR4") || provider().equals("PR5");
    }

    boolean inHouse() {
        return provider().equals("PR1");
    }

    /** Non-connected fostering (U4, U5, U6). */
    boolean nonConnectedFoster() {
        return setting() == Setting.SHORT_TERM_FOSTER || setting() == Setting.LONG_TERM_FOSTER
                || setting() == Setting.FOSTER_TO_ADOPT;
    }

    /** A children's home or care home (K2, R1): counting-rules §8 `home_*`. */
    boolean childrensHome() {
        return setting() == Setting.CHILDRENS_HOME || setting() == Setting.CARE_HOME;
    }
}
