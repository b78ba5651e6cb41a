package uk.sufficiency.warehouse.forecast;

import java.util.Optional;

/**
 * The capacity file's provisions (inputs.md §4) and the placement group whose demand each meets in
 * the sufficiency gap. Block-contracted children's home beds are agency homes the LA has reserved;
 * agency placements beyond them are spot-purchased. Provisions an LA names itself have no group.
 */
public enum CapacityProvision {
    INHOUSE_FOSTER_PLACES("inhouse_foster_places", PlacementGroup.FOSTER_INHOUSE),
    INHOUSE_HOME_BEDS("inhouse_home_beds", PlacementGroup.HOME_INHOUSE),
    BLOCK_HOME_BEDS("block_home_beds", PlacementGroup.HOME_AGENCY),
    BLOCK_SUPPORTED_BEDS("block_supported_beds", PlacementGroup.SUPPORTED);

    private final String id;
    private final PlacementGroup group;

    CapacityProvision(String id, PlacementGroup group) {
        this.id = id;
        this.group = group;
    }

    public String id() {
        return id;
    }

    public PlacementGroup group() {
        return group;
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
}
