package uk.sufficiency.dashboard;

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
}
