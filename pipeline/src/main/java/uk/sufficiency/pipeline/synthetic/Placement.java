package uk.sufficiency.pipeline.synthetic;

/**
 * One home a child lives in: the kind, who provides it (PR0-PR5), its Ofsted URN and postcode, and
 * the carers (a number, so that a change of PLACE code with the same carers can be told apart
 * from a move to new carers: RNE T rather than P).
 */
record Placement(Setting setting, String provider, String urn, String postcode, int carers) {
    /** The same carers and address under a new arrangement, e.g. short-term becoming long-term. */
    Placement as(Setting newSetting) {
        return new Placement(newSetting, provider, urn, postcode, carers);
    }

    boolean sameCarers(Placement other) {
        return other != null && carers == other.carers;
    }
}
