package uk.sufficiency.pipeline.synthetic;

/**
 * The kinds of home the model places children in, each with its 903 PLACE code (only codes from
 * counting-rules §8) and how long a child typically stays before moving on.
 */
enum Setting {
    SHORT_TERM_FOSTER("U6", 240),
    LONG_TERM_FOSTER("U4", 1300),
    FOSTER_TO_ADOPT("U5", 240),
    KINSHIP_SHORT_TERM("U3", 300),
    KINSHIP_LONG_TERM("U1", 1800),
    CHILDRENS_HOME("K2", 330),
    CARE_HOME("R1", 500),
    SECURE_HOME("K1", 75),
    RESIDENTIAL_SCHOOL("S1", 700),
    SUPPORTED_ACCOMMODATION("H5", 450),
    INDEPENDENT_LIVING("P2", 450),
    WITH_PARENTS("P1", 900),
    FAMILY_CENTRE("R3", 110),
    HOSPITAL("R2", 60),
    YOUNG_OFFENDER_INSTITUTION("R5", 90),
    OTHER_ARRANGEMENT("Z1", 200),
    /** Placed for adoption with consent, with the current foster carers. */
    ADOPTION_CONSENT_SAME_CARERS("A3", 240),
    /** Placed for adoption with consent, with new carers. */
    ADOPTION_CONSENT("A4", 240),
    /** Placed for adoption under a placement order, with the current (foster to adopt) carers. */
    ADOPTION_ORDER_SAME_CARERS("A5", 240),
    /** Placed for adoption under a placement order, with new carers. */
    ADOPTION_ORDER("A6", 240);

    final String place;
    final double typicalStayDays;

    Setting(String place, double typicalStayDays) {
        this.place = place;
        this.typicalStayDays = typicalStayDays;
    }

    boolean fostering() {
        return place.startsWith("U");
    }

    boolean residential() {
        return this == CHILDRENS_HOME || this == CARE_HOME || this == SECURE_HOME || this == RESIDENTIAL_SCHOOL;
    }

    boolean supported() {
        return this == SUPPORTED_ACCOMMODATION || this == INDEPENDENT_LIVING;
    }
}
