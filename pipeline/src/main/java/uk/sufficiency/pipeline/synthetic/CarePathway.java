package uk.sufficiency.pipeline.synthetic;

/**
 * How a period of care unfolds and ends. The pathway is chosen when the child comes into care and
 * decides the legal statuses, the homes, how long the period lasts and the reason it ends (REC).
 */
enum CarePathway {
    /** Care proceedings, a placement order (E1), placed for adoption (A3-A6), adopted (E11/E12). */
    ADOPTION,
    /** Cared for mostly by relatives or friends until a special guardianship order (E43/E44). */
    SPECIAL_GUARDIANSHIP,
    /** A short stay, often under section 20, then home to parents or relatives (E4A/E4B/E13). */
    RETURN_HOME,
    /** A care order with the child living at home (P1) until the order is discharged (E4A). */
    PLACED_WITH_PARENTS,
    /** Looked after until adulthood, moving between foster, residential and 16+ homes (E17/E5/E6/E8). */
    GROWING_UP_IN_CARE,
    /** Remand (J1), police detention (J2) or a youth rehabilitation order (J3); ends E14, E9 or E8. */
    YOUTH_JUSTICE,
    /** Child arrangements orders (E41), transfers to another LA (E3) and the rarer endings. */
    OTHER_ENDING
}
