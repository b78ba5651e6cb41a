package uk.sufficiency.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The placement categories of counting-rules §8 as readers see them: a label and a chart colour.
 * The declaration order is the stacking and column order, so related settings sit side by side.
 */
enum PlacementCategory {
    FOSTER_KINSHIP("foster_kinship", "Fostering: kinship", "#0b6e4f"),
    FOSTER_INHOUSE("foster_inhouse", "Fostering: in-house", "#1d70b8"),
    FOSTER_IFA("foster_ifa", "Fostering: independent agency", "#5694ca"),
    FOSTER_OTHER("foster_other", "Fostering: other provider", "#003078"),
    HOME_INHOUSE("home_inhouse", "Children's home: in-house", "#d4351c"),
    HOME_AGENCY("home_agency", "Children's home: private or voluntary", "#f47738"),
    HOME_OTHER("home_other", "Children's home: other provider", "#912b88"),
    SECURE("secure", "Secure children's home", "#0b0c0c"),
    SUPPORTED("supported", "Supported accommodation", "#85994b"),
    WITH_PARENTS("with_parents", "Placed with parents", "#28a197"),
    ADOPTION("adoption", "Placed for adoption", "#f499be"),
    RESIDENTIAL_SCHOOL("residential_school", "Residential school", "#b58840"),
    FAMILY_CENTRE("family_centre", "Family centre or mother and baby unit", "#6f72af"),
    OTHER_RESIDENTIAL("other_residential", "Other residential setting", "#505a5f"),
    OTHER("other", "Other placement", "#b1b4b6");

    private final String code;
    private final String label;
    private final String colour;

    PlacementCategory(String code, String label, String colour) {
        this.code = code;
        this.label = label;
        this.colour = colour;
    }

    String code() {
        return code;
    }

    String label() {
        return label;
    }

    String colour() {
        return colour;
    }

    private static Optional<PlacementCategory> find(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /** The reader's label for a category code; a code outside §8 is shown as it is, never hidden. */
    static String label(String code) {
        return code == null ? "Category not recorded" : find(code).map(c -> c.label).orElse(code);
    }

    /** The colour for a category code, or null to let the chart pick one for a code outside §8. */
    static String colour(String code) {
        return find(code).map(c -> c.colour).orElse(null);
    }

    /**
     * The distinct codes among the given ones, in §8 order with any unexpected codes after them, so
     * the chart and the table drawn from the same rows show the same categories in the same order.
     */
    static List<String> inOrder(Collection<String> codes) {
        Set<String> present = new LinkedHashSet<>(codes);
        List<String> ordered = new ArrayList<>();
        for (PlacementCategory category : values()) {
            if (present.remove(category.code)) {
                ordered.add(category.code);
            }
        }
        present.stream().sorted(Comparator.nullsLast(Comparator.naturalOrder())).forEach(ordered::add);
        return ordered;
    }
}
