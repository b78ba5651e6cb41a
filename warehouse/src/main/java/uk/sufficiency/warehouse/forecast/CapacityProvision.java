package uk.sufficiency.warehouse.forecast;

import java.util.Optional;

/**
 * The capacity file's provisions (inputs.md §4) and the looked-after children placed in each: the
 * one definition the Capacity page's {@code capacity_demand} and the forecast's gap both use, so
 * capacity and demand always describe the same homes. In-house places hold the children of their
 * placement group. Block-contracted beds hold the children of their group whose cost line on the day
 * has CONTRACT {@code block} (inputs.md §2); the group's other children (spot, framework or
 * uncosted) are placed outside the LA's own and block capacity. Provisions an LA names itself have
 * no group and no demand.
 */
public enum CapacityProvision {
    INHOUSE_FOSTER_PLACES("inhouse_foster_places", PlacementGroup.FOSTER_INHOUSE, false),
    INHOUSE_HOME_BEDS("inhouse_home_beds", PlacementGroup.HOME_INHOUSE, false),
    BLOCK_HOME_BEDS("block_home_beds", PlacementGroup.HOME_AGENCY, true),
    BLOCK_SUPPORTED_BEDS("block_supported_beds", PlacementGroup.SUPPORTED, true);

    /** The cost facts' CONTRACT of a block-contracted placement. */
    public static final String BLOCK_CONTRACT = "block";

    private final String id;
    private final PlacementGroup group;
    private final boolean block;

    CapacityProvision(String id, PlacementGroup group, boolean block) {
        this.id = id;
        this.group = group;
        this.block = block;
    }

    public String id() {
        return id;
    }

    public PlacementGroup group() {
        return group;
    }

    /** Whether only the group's block-contracted placements use it; otherwise the whole group does. */
    public boolean block() {
        return block;
    }

    public static Optional<CapacityProvision> ofProvision(String provision) {
        for (CapacityProvision p : values()) {
            if (p.id.equals(provision)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static Optional<CapacityProvision> ofGroup(PlacementGroup group) {
        for (CapacityProvision p : values()) {
            if (p.group == group) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * SQL (DuckDB) that is true when an episode (its LA, child and category) places a child in
     * provision {@code provision} (a column) on day {@code date}: the episode's category is in the
     * provision's group and, for block beds, a cost line of the child with CONTRACT block covers the day.
     */
    public static String sqlPlacedIn(String provision, String la, String child, String category, String date) {
        StringBuilder sql = new StringBuilder("CASE ").append(provision);
        for (CapacityProvision p : values()) {
            sql.append(" WHEN '").append(p.id).append("' THEN ").append(PlacementGroup.sqlOfCategory(category))
                    .append(" = '").append(p.group.id()).append('\'');
            if (p.block) {
                sql.append(" AND EXISTS (SELECT 1 FROM placement_cost_segments s WHERE s.la = " + la + " AND s.child = "
                        + child + " AND s.contract = '" + BLOCK_CONTRACT + "' AND s.seg_from <= " + date
                        + " AND s.seg_to >= " + date + ")");
            }
        }
        return sql.append(" ELSE false END").toString();
    }

    /** SQL that is true when a provision column names one of these provisions (so it has a demand). */
    public static String sqlKnown(String provision) {
        StringBuilder sql = new StringBuilder(provision).append(" IN (");
        for (CapacityProvision p : values()) {
            sql.append(p.ordinal() == 0 ? "'" : ", '").append(p.id).append('\'');
        }
        return sql.append(')').toString();
    }
}
