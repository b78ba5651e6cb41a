package uk.sufficiency.pipeline.synthetic;

/**
 * Who the children are: sex, ethnicity and UPN. Lancashire's children looked after in March 2022
 * were 54% male and 85% white, 7.5% mixed, 4% Asian, 1% black and 2% any other ethnic group.
 */
final class Demographics {
    static final double MALE_SHARE = 0.535;
    private static final Mix<String> ETHNICITY = Mix.of(
            "WBRI", 80.5, "WIRI", 0.3, "WIRT", 0.5, "WROM", 0.4, "WOTH", 3.5,
            "MWBC", 3.0, "MWBA", 1.0, "MWAS", 2.0, "MOTH", 1.5,
            "AIND", 0.8, "APKN", 2.4, "ABAN", 0.5, "AOTH", 0.5,
            "BCRB", 0.3, "BAFR", 0.5, "BOTH", 0.2,
            "CHNE", 0.1, "OOTH", 1.9, "REFU", 0.1);
    /** The check letter of a UPN is the weighted digit sum modulo 23 indexed into these letters. */
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private final Draw draw;
    private final int laNumber;

    Demographics(LocalAuthorityProfile la, Draw draw) {
        this.draw = draw;
        this.laNumber = la.upnLaNumber();
    }

    boolean male() {
        return draw.chance(MALE_SHARE);
    }

    String ethnicity() {
        return draw.pick(ETHNICITY);
    }

    /** A well-formed unique pupil number: check letter, LA number, establishment, year, serial. */
    String upn() {
        String digits = laNumber + draw.digits(9);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * (i + 2);
        }
        return CHECK_LETTERS.charAt(sum % 23) + digits;
    }
}
