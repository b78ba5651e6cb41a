package uk.sufficiency.pipeline.synthetic;

/**
 * One synthetic local authority: its size, its habits and how they changed ({@link Trends}). The
 * first ("Demo County") follows Lancashire from 2016/17 to 2021/22 (about 1,940 looked after at
 * 31 March 2022, 0-17 population 253,000 in mid-2021); the others are smaller, about 550 looked after on average with a wide spread, as
 * England's ~82,000 across ~150 LAs, and lean a little differently towards agency fostering,
 * placements with parents and children's homes so that benchmarks differ between them.
 */
record LocalAuthorityProfile(
        int index,
        String name,
        double careEntriesPerYear,
        double population2021,
        double agencyFosteringLean,
        double withParentsLean,
        double childrensHomesLean,
        Trends trends) {

    /** Demo County's stock at 31 March 2022 and the arrivals per year its Trends are relative to. */
    static final double DEMO_COUNTY_STOCK = 1940;
    static final double DEMO_COUNTY_ENTRIES = 595;
    static final double DEMO_COUNTY_POPULATION_2021 = 253_000;
    /** Looked after per 10,000 children for the other LAs (England ~70). */
    static final double OTHER_RATE_PER_10000 = 70;

    /** Other LAs' intended stock: log-normal around a median of 435; with their own habits they average about 550. */
    private static final double OTHER_STOCK_MEDIAN = 435;
    private static final double OTHER_STOCK_SPREAD = 0.55;

    static LocalAuthorityProfile demoCounty() {
        return new LocalAuthorityProfile(0, "Demo County", DEMO_COUNTY_ENTRIES, DEMO_COUNTY_POPULATION_2021, 1, 1, 1,
                Trends.lancashire(DEMO_COUNTY_ENTRIES));
    }

    /** The LA at a 0-based position; draws from that LA's own stream so LAs do not depend on each other. */
    static LocalAuthorityProfile at(int index, Draw draw) {
        if (index == 0) {
            return demoCounty();
        }
        double stock = Math.min(1800, Math.max(60, draw.logNormal(OTHER_STOCK_MEDIAN, OTHER_STOCK_SPREAD)));
        return new LocalAuthorityProfile(index, String.format("Synthetic LA %03d", index + 1),
                DEMO_COUNTY_ENTRIES * stock / DEMO_COUNTY_STOCK,
                stock / OTHER_RATE_PER_10000 * 10_000,
                draw.logNormal(1, 0.35), draw.logNormal(1, 0.4), draw.logNormal(1, 0.25), Trends.STEADY);
    }

    /** ONS-style 0-17 mid-year estimate for a calendar year, growing slowly as it has since 2010. */
    long population(int calendarYear) {
        return Math.round(population2021 * (1 + 0.006 * (calendarYear - 2021)) / 10) * 10;
    }

    /**
     * Synthetic postcodes: the area letters start with Q, which no real UK postcode does, and each
     * LA has its own area and nine districts.
     */
    String postcodeArea() {
        return "Q" + (char) ('A' + index % 26);
    }

    int firstPostcodeDistrict() {
        return 1 + 10 * (index / 26);
    }

    /** Three-digit LA number used inside UPNs. */
    int upnLaNumber() {
        return 800 + index % 200;
    }
}
