package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;

/**
 * Finds a home of a given kind for a child: who provides it (in-house PR1 or agency PR4/PR5,
 * parents PR0, another LA PR2, the NHS or prison service PR3), its Ofsted URN and its postcode.
 * Non-connected fostering goes to agencies (IFAs) more often the older the child, as in Lancashire
 * where the in-house service takes nearly all under-6s.
 */
final class PlacementFinder {
    private static final String NOT_REGISTERED = "XXXXXXX";

    private static final Mix<String> AGENCY = Mix.of("PR4", 85, "PR5", 15);
    private static final Mix<String> KINSHIP = Mix.of("PR1", 93, "PR4", 7);
    private static final Mix<String> CHILDRENS_HOME = Mix.of("PR1", 21, "PR4", 71, "PR5", 8);
    private static final Mix<String> CARE_HOME = Mix.of("PR4", 80, "PR5", 20);
    private static final Mix<String> SECURE_HOME = Mix.of("PR2", 70, "PR1", 10, "PR4", 20);
    private static final Mix<String> SCHOOL = Mix.of("PR4", 55, "PR5", 35, "PR1", 10);
    private static final Mix<String> SUPPORTED = Mix.of("PR4", 55, "PR5", 25, "PR1", 20);
    private static final Mix<String> INDEPENDENT = Mix.of("PR1", 50, "PR4", 50);
    private static final Mix<String> ADOPTION = Mix.of("PR1", 75, "PR5", 20, "PR2", 5);
    private static final Mix<String> OTHER = Mix.of("PR1", 50, "PR4", 50);

    private final LocalAuthorityProfile la;
    private final Draw draw;
    private int carers;
    /** By age band 0-5, 6-10, 11+: the IFA placements due and not yet made (below one). */
    private final double[] ifaDue = new double[3];

    PlacementFinder(LocalAuthorityProfile la, Draw draw) {
        this.la = la;
        this.draw = draw;
    }

    /** A home with new carers; a placement with parents is at the child's home address. */
    Placement find(Setting setting, double age, String homePostcode, LocalDate day) {
        String provider = provider(setting, age, day);
        // both postcodes are drawn whichever is used, so who provides the home changes no later draw
        String inside = homePostcode();
        String elsewhere = elsewherePostcode();
        boolean insideArea = draw.chance(insideChance(setting, provider));
        String postcode = setting == Setting.WITH_PARENTS ? homePostcode : insideArea ? inside : elsewhere;
        return new Placement(setting, provider, urn(setting, provider), postcode, ++carers);
    }

    String homePostcode() {
        return postcode(la.postcodeArea(), la.firstPostcodeDistrict() + draw.between(0, 8));
    }

    private String elsewherePostcode() {
        int other = draw.between(1, 199);
        int index = (la.index() + other) % 200;
        return postcode("Q" + (char) ('A' + index % 26), 1 + 10 * (index / 26) + draw.between(0, 8));
    }

    private String postcode(String area, int district) {
        return area + district + " " + draw.between(1, 9) + draw.letter() + draw.letter();
    }

    private String provider(Setting setting, double age, LocalDate day) {
        return switch (setting) {
            case SHORT_TERM_FOSTER, LONG_TERM_FOSTER, FOSTER_TO_ADOPT -> fosterProvider(age, day);
            case KINSHIP_SHORT_TERM, KINSHIP_LONG_TERM -> draw.pick(KINSHIP);
            case CHILDRENS_HOME -> draw.pick(CHILDRENS_HOME);
            case CARE_HOME -> draw.pick(CARE_HOME);
            case SECURE_HOME -> draw.pick(SECURE_HOME);
            case RESIDENTIAL_SCHOOL -> draw.pick(SCHOOL);
            case SUPPORTED_ACCOMMODATION -> draw.pick(SUPPORTED);
            case INDEPENDENT_LIVING -> draw.pick(INDEPENDENT);
            case WITH_PARENTS -> "PR0";
            case FAMILY_CENTRE -> draw.pick(AGENCY);
            case HOSPITAL, YOUNG_OFFENDER_INSTITUTION -> "PR3";
            case OTHER_ARRANGEMENT -> draw.pick(OTHER);
            case ADOPTION_CONSENT_SAME_CARERS, ADOPTION_CONSENT, ADOPTION_ORDER_SAME_CARERS, ADOPTION_ORDER ->
                    draw.pick(ADOPTION);
        };
    }

    /** In-house unless an IFA is needed; a few children live with another LA's foster carers. */
    private String fosterProvider(double age, LocalDate day) {
        int band = age < 6 ? 0 : age < 11 ? 1 : 2;
        // placements go to IFAs in turn as their share falls due, so each band's share follows the
        // year's practice; both answers take the same draws, so a change of practice changes no other choice
        String agency = draw.pick(AGENCY);
        String inHouse = draw.chance(0.01) ? "PR2" : "PR1";
        ifaDue[band] += tilt(la.trends().ifaChance(band, day), la.agencyFosteringLean());
        if (ifaDue[band] >= 1) {
            ifaDue[band] -= 1;
            return agency;
        }
        return inHouse;
    }

    /** A probability moved by an odds ratio, so that a lean of 1 leaves it unchanged. */
    static double tilt(double probability, double oddsRatio) {
        return probability * oddsRatio / (1 - probability + probability * oddsRatio);
    }

    /** How often each kind of home is inside the LA's own area (Lancashire: 78% overall). */
    private static double insideChance(Setting setting, String provider) {
        boolean inHouse = provider.equals("PR1");
        return switch (setting) {
            case SHORT_TERM_FOSTER, LONG_TERM_FOSTER, FOSTER_TO_ADOPT -> inHouse ? 0.93 : 0.70;
            case KINSHIP_SHORT_TERM, KINSHIP_LONG_TERM -> 0.88;
            case CHILDRENS_HOME -> inHouse ? 0.97 : 0.55;
            case SUPPORTED_ACCOMMODATION, INDEPENDENT_LIVING -> 0.9;
            case SECURE_HOME, YOUNG_OFFENDER_INSTITUTION -> 0.15;
            default -> 0.5;
        };
    }

    /**
     * Ofsted URNs: fostering services, children's homes, residential schools and family centres
     * are registered; agencies and schools are drawn from national pools shared by every LA, and
     * each LA has its own fostering service and homes. Other homes have no URN. Numbers are
     * always six digits.
     */
    private String urn(Setting setting, String provider) {
        boolean inHouse = provider.equals("PR1");
        int number = switch (setting) {
            case SHORT_TERM_FOSTER, LONG_TERM_FOSTER, FOSTER_TO_ADOPT, KINSHIP_SHORT_TERM, KINSHIP_LONG_TERM ->
                    agencyUrn(inHouse);
            case CHILDRENS_HOME -> inHouse ? 700_000 + 20 * la.index() + draw.between(0, 11) : 400_000 + draw.between(0, 2999);
            case SECURE_HOME -> 800_000 + draw.between(0, 14);
            case RESIDENTIAL_SCHOOL -> 850_000 + draw.between(0, 199);
            case FAMILY_CENTRE -> 860_000 + draw.between(0, 59);
            default -> -1;
        };
        return number < 0 ? NOT_REGISTERED : "SC" + number;
    }

    /** The fostering service's URN; an agency's is drawn even for the LA's own, so the provider changes no other draw. */
    private int agencyUrn(boolean inHouse) {
        int agency = 100_000 + draw.between(0, 299);
        return inHouse ? 900_000 + la.index() : agency;
    }
}
