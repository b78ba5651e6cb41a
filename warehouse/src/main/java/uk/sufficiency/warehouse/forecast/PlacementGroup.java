package uk.sufficiency.warehouse.forecast;

import java.util.List;

/**
 * The kinds of placement the forecast projects (a coarser cut of counting-rules §8's categories):
 * fostering split kinship, in-house and IFA; children's homes in-house and agency; supported;
 * with parents; adoption; and everything else. {@code foster_other} and {@code home_other}
 * (providers that are neither the LA nor agencies) and secure homes are too few to project alone.
 */
public enum PlacementGroup {
    FOSTER_KINSHIP("foster_kinship", "Fostering: kinship", List.of("foster_kinship")),
    FOSTER_INHOUSE("foster_inhouse", "Fostering: in-house", List.of("foster_inhouse")),
    FOSTER_IFA("foster_ifa", "Fostering: IFA", List.of("foster_ifa")),
    HOME_INHOUSE("home_inhouse", "Children's homes: in-house", List.of("home_inhouse")),
    HOME_AGENCY("home_agency", "Children's homes: agency", List.of("home_agency")),
    SUPPORTED("supported", "Supported accommodation", List.of("supported")),
    WITH_PARENTS("with_parents", "Placed with parents", List.of("with_parents")),
    ADOPTION("adoption", "Placed for adoption", List.of("adoption")),
    OTHER("other", "Other placements", List.of("foster_other", "home_other", "secure", "residential_school",
            "family_centre", "other_residential", "other"));

    private final String id;
    private final String label;
    private final List<String> categories;

    PlacementGroup(String id, String label, List<String> categories) {
        this.id = id;
        this.label = label;
        this.categories = categories;
    }

    /** The group's name in the warehouse views. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The episode categories (counting-rules §8) the group holds; a category outside every list is {@link #OTHER}. */
    public List<String> categories() {
        return categories;
    }

    /** The group of an episode category (counting-rules §8); a category no group lists is {@link #OTHER}. */
    public static PlacementGroup ofCategory(String category) {
        for (PlacementGroup group : values()) {
            if (group.categories.contains(category)) {
                return group;
            }
        }
        return OTHER;
    }

    /** {@link #ofCategory} as SQL over a category column (Spark's and DuckDB's alike). */
    public static String sqlOfCategory(String column) {
        StringBuilder sql = new StringBuilder("CASE");
        for (PlacementGroup group : values()) {
            sql.append(" WHEN ").append(column).append(" IN ('").append(String.join("', '", group.categories))
                    .append("') THEN '").append(group.id).append('\'');
        }
        return sql.append(" ELSE '").append(OTHER.id).append("' END").toString();
    }

    /** SQL ordering a column of group ids in this order, any other value (such as {@code all}) last. */
    public static String sqlOrder(String column) {
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (PlacementGroup group : values()) {
            sql.append(" WHEN '").append(group.id).append("' THEN ").append(group.ordinal());
        }
        return sql.append(" ELSE 99 END").toString();
    }

    public static PlacementGroup ofId(String id) {
        for (PlacementGroup group : values()) {
            if (group.id.equals(id)) {
                return group;
            }
        }
        throw new IllegalArgumentException("unknown placement group '" + id + "'; expected one of "
                + java.util.Arrays.stream(values()).map(PlacementGroup::id).toList());
    }
}
