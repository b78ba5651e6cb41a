package uk.sufficiency.warehouse.forecast;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A named set of changes to the fitted model, saved as JSON beside the warehouse and projected
 * with every run next to the base ({@link #BASE}, no changes). Its numbers of children are an LA's
 * (six moved, ten more entries a year), so a scenario names the LA it is for; one without an LA
 * applies to every LA of the warehouse.
 *
 * @param name           what the scenario is called on the page and in the views' {@code scenario} column
 * @param description    a sentence for the reader, or null
 * @param rateChanges    multipliers and additions to entry, leaving and move rates
 * @param interventions  planned moves between placement groups, and places added, from a date
 * @param feeInflation   yearly fee rise (0.03 = 3%), or null for the settings' default
 * @param la             the LA it is for, exactly as the warehouse names it, or null for every LA
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scenario(String name, String description, List<RateChange> rateChanges, List<Intervention> interventions,
                       Double feeInflation, String la) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,59}");
    public static final String BASE_NAME = "base";
    public static final Scenario BASE = new Scenario(BASE_NAME, "The fitted rates, unchanged", List.of(), List.of(), null);

    public Scenario {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A scenario needs a name of 1-60 letters, digits, spaces, '.', '_' or '-'"
                    + (name == null ? "" : "; got '" + name + "'"));
        }
        rateChanges = rateChanges == null ? List.of() : List.copyOf(rateChanges);
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
        if (feeInflation != null && (feeInflation.isNaN() || feeInflation < -0.5 || feeInflation > 1)) {
            throw new IllegalArgumentException("feeInflation must be a yearly rate between -0.5 and 1 (0.03 = 3%); got "
                    + feeInflation);
        }
        la = la == null || la.isBlank() ? null : la;
    }

    /** True for "base" in any case (and with spaces around it): the unchanged projection's name, which no saved scenario may take. */
    public static boolean reservedName(String name) {
        return name != null && BASE_NAME.equalsIgnoreCase(name.strip());
    }

    /** A scenario for every LA. */
    public Scenario(String name, String description, List<RateChange> rateChanges, List<Intervention> interventions,
                    Double feeInflation) {
        this(name, description, rateChanges, interventions, feeInflation, null);
    }

    /** Whether the scenario is projected for an LA. */
    public boolean appliesTo(String forLa) {
        return la == null || la.equals(forLa);
    }

    /** The fee rise to use: the scenario's own, else the default. */
    public double feeInflationOr(double defaultRate) {
        return feeInflation == null ? defaultRate : feeInflation;
    }

    /** Which rates a {@link RateChange} alters. */
    public enum RateKind {
        /** children entering care into a state, per day; an addition is children per year */
        entry,
        /** children leaving care before 18 (ageing out at 18 is never changed), per child; an addition is per child-year */
        leaving,
        /** children moving from one placement group to another, per child; an addition is per child-year */
        move
    }

    /**
     * Scales and then adds to the matching rates. A null group, target or age band matches every one.
     *
     * @param kind      entry, leaving or move
     * @param group     the placement group entered (entry) or left (leaving, move)
     * @param toGroup   for moves, the group moved to
     * @param ageBand   the age band's label ({@code 10 to 15}), or null for all
     * @param multiply  factor on the fitted rate (1 = unchanged)
     * @param addPerYear added per year: children for entries (shared across the matching states in
     *                  proportion to their fitted entries), per child for leaving and moves
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RateChange(RateKind kind, String group, String toGroup, String ageBand, Double multiply,
                             Double addPerYear) {
        public RateChange {
            if (kind == null) {
                throw new IllegalArgumentException("A rate change needs a kind: entry, leaving or move");
            }
            checkGroup(group);
            checkGroup(toGroup);
            if (ageBand != null) {
                AgeBand.ofLabel(ageBand);
            }
            if (toGroup != null && kind != RateKind.move) {
                throw new IllegalArgumentException("toGroup applies to moves only");
            }
            if (multiply != null && (multiply.isNaN() || multiply < 0)) {
                throw new IllegalArgumentException("multiply must be 0 or more; got " + multiply);
            }
            if (addPerYear != null && addPerYear.isNaN()) {
                throw new IllegalArgumentException("addPerYear must be a number");
            }
            if (kind == RateKind.move && addPerYear != null && addPerYear != 0 && toGroup == null) {
                throw new IllegalArgumentException("A move rate addition needs the toGroup it adds moves to");
            }
        }

        double factor() {
            return multiply == null ? 1 : multiply;
        }

        double added() {
            return addPerYear == null ? 0 : addPerYear;
        }

        boolean matches(PlacementGroup g, AgeBand band) {
            return (group == null || group.equals(g.id())) && (ageBand == null || ageBand.equals(band.label()));
        }

        boolean matchesTarget(PlacementGroup to) {
            return toGroup == null || toGroup.equals(to.id());
        }
    }

    /**
     * A planned change of placements from a date: {@code children} moved from one group to another
     * (once, or spread evenly over each year when {@code perYear}), and {@code places} of the target
     * group's kind opening on the date (counted as capacity in the sufficiency gap).
     * Example: "two new 3-bed in-house homes": home_agency to home_inhouse, 6 children once, 6 places.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Intervention(String name, LocalDate start, String fromGroup, String toGroup, String ageBand,
                               Double children, Boolean perYear, Integer places) {
        public Intervention {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("An intervention needs a name");
            }
            if (start == null) {
                throw new IllegalArgumentException("Intervention '" + name + "' needs a start date (YYYY-MM-DD)");
            }
            checkGroup(toGroup);
            checkGroup(fromGroup);
            if (toGroup == null) {
                throw new IllegalArgumentException("Intervention '" + name + "' needs a toGroup");
            }
            if (ageBand != null) {
                AgeBand.ofLabel(ageBand);
            }
            double moved = children == null ? 0 : children;
            if (moved < 0 || moved != Math.rint(moved) || (moved > 0 && fromGroup == null)) {
                throw new IllegalArgumentException("Intervention '" + name
                        + "': children must be a whole number, 0 or more, and need a fromGroup");
            }
            if (places != null && places < 0) {
                throw new IllegalArgumentException("Intervention '" + name + "': places must be 0 or more");
            }
        }

        double moved() {
            return children == null ? 0 : children;
        }

        boolean recurring() {
            return Boolean.TRUE.equals(perYear);
        }

        int placesAdded() {
            return places == null ? 0 : places;
        }
    }

    private static void checkGroup(String group) {
        if (group != null) {
            PlacementGroup.ofId(group);
        }
    }
}
