package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each placement of the demo county's children costs, who is paid and under which contract:
 * the model behind placement_costs.csv (inputs.md §2). A fee is agreed when a placement starts
 * (by kind of home, the child's age and the market price on that day, see {@link Tariff}) and
 * uplifted each 1 April while it lasts; carers who go on caring for the child under a new
 * arrangement (short-term becoming long-term, RNE T or U) go on being paid the same fee.
 *
 * <ul>
 * <li>In-house fostering (U4-U6, PR1): the LA's allowance and fee, {@code in_house}; connected
 * (kinship) carers approved by the LA (U1/U3, PR1) receive the fostering allowance, {@code in_house}.
 * <li>Agency fostering (IFA, PR4/PR5): {@code framework} with the agencies on the LA's fostering
 * framework (97% of them), else {@code spot}; step-down placements from a children's home are
 * enhanced (about 1.5 times the fee).
 * <li>Children's homes (K2/R1): in-house homes {@code in_house}; agency homes {@code spot}, or
 * {@code block} for the block-contract beds (24 from November 2019, 30 from April 2023, three
 * providers) when one is free.
 * <li>Supported accommodation (H5): block-commissioned bedspaces for most agency placements, else
 * spot; independent living (P2) a floating-support fee.
 * <li>Secure, residential schools, family assessment centres and another LA's carers: {@code spot}
 * (an LA's own unit {@code in_house}).
 * <li>No cost line: placed with parents (P1), placed for adoption (A3-A6, a one-off inter-agency
 * fee rather than a weekly one), NHS and youth justice settings (R2, R5: PR3 pays), other
 * arrangements (Z1), and short breaks (V3/V4, paid from the disabled children's budget).
 * </ul>
 */
final class PlacementFees {
    static final String IN_HOUSE = "in_house";
    static final String SPOT = "spot";
    static final String FRAMEWORK = "framework";
    static final String BLOCK = "block";

    /** Step-down into fostering placements are paid at the enhanced rate. */
    static final double STEP_DOWN_PREMIUM = 1.5;
    /** Share of agency supported accommodation placements in block-commissioned bedspaces. */
    static final double SUPPORTED_BLOCK_SHARE = 0.75;
    /** Chance that a free block bed is used for a new agency children's home placement. */
    static final double BLOCK_HOME_USE = 0.8;
    static final LocalDate BLOCK_HOMES_FROM = LocalDate.of(2019, 11, 1);
    static final LocalDate BLOCK_HOMES_EXTENDED = LocalDate.of(2023, 4, 1);

    private static final double[] FLAT = {1, 1, 1, 1};

    static final Tariff IN_HOUSE_FOSTER = Tariff.of(0.025, 0.15, new double[] {0.85, 0.95, 1.1, 1.2},
            "2010-04-01", 290, "2018-04-01", 330, "2022-03-31", 365, "2024-03-31", 385);
    static final Tariff KINSHIP_ALLOWANCE = Tariff.of(0.025, 0.10, new double[] {0.8, 0.9, 1.05, 1.15},
            "2010-04-01", 190, "2022-03-31", 245, "2024-03-31", 258);
    static final Tariff IFA = Tariff.of(0.02, 0.12, new double[] {0.90, 0.96, 1.04, 1.08},
            "2010-04-01", 640, "2016-04-01", 700, "2019-06-30", 745, "2022-03-31", 798, "2024-03-31", 832);
    static final Tariff OTHER_LA_FOSTER = Tariff.of(0.02, 0.10, FLAT,
            "2010-04-01", 450, "2022-03-31", 560);
    static final Tariff IN_HOUSE_HOME = Tariff.of(0.03, 0.08, FLAT,
            "2010-04-01", 2900, "2022-03-31", 3900, "2024-03-31", 4150);
    static final Tariff AGENCY_HOME = Tariff.of(0.03, 0.25, new double[] {1.15, 1.1, 1.0, 0.95},
            "2010-04-01", 2850, "2016-04-01", 3250, "2018-04-01", 3550, "2019-06-30", 3700, "2020-09-30", 4150,
            "2021-03-31", 4450, "2021-09-30", 4900, "2022-03-31", 5900, "2023-03-31", 6000, "2024-03-31", 6200);
    /** Block bed prices of the three block providers when the contract began (November 2019). */
    static final double[] BLOCK_HOME_PRICES = {4050, 4300, 4500};
    static final double BLOCK_HOME_UPLIFT = 0.03;
    static final Tariff SECURE = Tariff.of(0.03, 0.10, FLAT, "2010-04-01", 5200, "2022-03-31", 6900);
    static final Tariff RESIDENTIAL_SCHOOL = Tariff.of(0.03, 0.20, FLAT, "2010-04-01", 3000, "2022-03-31", 4200);
    static final Tariff FAMILY_CENTRE = Tariff.of(0.03, 0.15, FLAT, "2010-04-01", 3000, "2022-03-31", 3900);
    static final Tariff SUPPORTED_BLOCK = Tariff.of(0.02, 0.15, FLAT, "2010-04-01", 650, "2022-03-31", 880);
    static final Tariff SUPPORTED_SPOT = Tariff.of(0.03, 0.30, FLAT, "2010-04-01", 900, "2022-03-31", 1450);
    static final Tariff SUPPORTED_IN_HOUSE = Tariff.of(0.025, 0.10, FLAT, "2010-04-01", 500, "2022-03-31", 650);
    static final Tariff INDEPENDENT_IN_HOUSE = Tariff.of(0.025, 0.15, FLAT, "2010-04-01", 180, "2022-03-31", 260);
    static final Tariff INDEPENDENT_SPOT = Tariff.of(0.03, 0.25, FLAT, "2010-04-01", 300, "2022-03-31", 450);

    /** One paid placement: who is paid, under which contract, and the fee it started at. */
    record Costing(Spell spell, String contract, String providerId, String providerName, double firstFee,
            LocalDate agreed, double uplift) {
        Costing(Spell spell, String contract, String providerId, String providerName, double firstFee, double uplift) {
            this(spell, contract, providerId, providerName, firstFee, spell.start(), uplift);
        }

        /** The weekly fee on a date: the fee agreed, with one uplift for each 1 April since it was agreed. */
        double feeOn(LocalDate date) {
            double fee = firstFee;
            for (LocalDate april = Dates.nextApril(agreed); !april.isAfter(date); april = april.plusYears(1)) {
                fee = Dates.pence(fee * (1 + uplift));
            }
            return fee;
        }

        /** The same payment continuing for the same carers under a new arrangement. */
        Costing continuedBy(Spell next) {
            return new Costing(next, contract, providerId, providerName, firstFee, agreed, uplift);
        }
    }

    private final Draw draw;
    private final Set<Spell> stepDowns;
    private final Map<Spell, Costing> costings = new IdentityHashMap<>();
    private final Map<Spell, Integer> blockHomeProvider = new IdentityHashMap<>();

    /**
     * @param spells    every spell of the children, in child order
     * @param stepDowns the foster spells that were step-downs from a children's home (enhanced fees)
     */
    PlacementFees(List<Spell> spells, Set<Spell> stepDowns, Draw draw) {
        this.draw = draw;
        this.stepDowns = stepDowns;
        allocateBlockHomeBeds(spells);
        Costing previous = null;
        for (Spell spell : spells) {
            Costing costing = cost(spell);
            if (costing != null && previous != null && !spell.newCarers()
                    && previous.spell().child() == spell.child() && previous.spell().home().sameCarers(spell.home())
                    && previous.spell().end().equals(spell.start())) {
                // short-term carers becoming long-term carers (RNE T or U) go on being paid as before
                costing = previous.continuedBy(spell);
            }
            if (costing != null) {
                costings.put(spell, costing);
            }
            previous = costing;
        }
    }

    /** The costing of a spell, or null when no weekly fee is paid for it. */
    Costing costing(Spell spell) {
        return costings.get(spell);
    }

    /** Block-contract children's home beds on a date. */
    static int blockHomeBeds(LocalDate date) {
        return date.isBefore(BLOCK_HOMES_FROM) ? 0 : date.isBefore(BLOCK_HOMES_EXTENDED) ? 24 : 30;
    }

    /** New agency children's home placements take a free block bed, first come first served. */
    private void allocateBlockHomeBeds(List<Spell> spells) {
        List<Spell> agencyHomes = new ArrayList<>();
        for (Spell spell : spells) {
            if (spell.setting() == Setting.CHILDRENS_HOME && spell.agency() && !spell.shortBreak()
                    && !spell.start().isBefore(BLOCK_HOMES_FROM)) {
                agencyHomes.add(spell);
            }
        }
        agencyHomes.sort(Comparator.comparing(Spell::start).thenComparing(s -> s.child().id()));
        List<Spell> inBlock = new ArrayList<>();
        for (Spell spell : agencyHomes) {
            inBlock.removeIf(s -> !s.end().isAfter(spell.start()));
            if (inBlock.size() < blockHomeBeds(spell.start()) && draw.chance(BLOCK_HOME_USE)) {
                int[] perProvider = new int[BLOCK_HOME_PRICES.length];
                inBlock.forEach(s -> perProvider[blockHomeProvider.get(s)]++);
                int provider = 0;
                for (int p = 1; p < perProvider.length; p++) {
                    if (perProvider[p] < perProvider[provider]) {
                        provider = p;
                    }
                }
                blockHomeProvider.put(spell, provider);
                inBlock.add(spell);
            }
        }
    }

    private Costing cost(Spell spell) {
        if (spell.shortBreak()) {
            return null;
        }
        String provider = spell.provider();
        boolean inHouse = provider.equals("PR1");
        double age = spell.ageAt(spell.start());
        return switch (spell.setting()) {
            case SHORT_TERM_FOSTER, LONG_TERM_FOSTER, FOSTER_TO_ADOPT -> {
                if (inHouse) {
                    yield costing(spell, IN_HOUSE, "FC" + household(spell), ProviderNames.IN_HOUSE_FOSTERING,
                            IN_HOUSE_FOSTER, age);
                }
                if (spell.agency()) {
                    yield agencyFostering(spell, age);
                }
                yield costing(spell, SPOT, "OLA" + String.format("%03d", spell.home().carers() % 40),
                        ProviderNames.OTHER_LA_FOSTERING, OTHER_LA_FOSTER, age);
            }
            case KINSHIP_SHORT_TERM, KINSHIP_LONG_TERM -> inHouse
                    ? costing(spell, IN_HOUSE, "CC" + household(spell), ProviderNames.CONNECTED_CARERS,
                            KINSHIP_ALLOWANCE, age)
                    : agencyFostering(spell, age);
            case CHILDRENS_HOME -> {
                if (inHouse) {
                    int home = urnNumber(spell) % 20;
                    yield costing(spell, IN_HOUSE, "DCH" + String.format("%02d", home), ProviderNames.inHouseHome(home),
                            IN_HOUSE_HOME, age);
                }
                Integer block = blockHomeProvider.get(spell);
                if (block != null) {
                    yield blockHome(spell, block);
                }
                int company = urnNumber(spell) % 150;
                yield costing(spell, SPOT, "CHP" + String.format("%03d", company), ProviderNames.agencyHomes(company),
                        AGENCY_HOME, age);
            }
            case CARE_HOME -> {
                int company = spell.home().carers() % 40;
                yield costing(spell, inHouse ? IN_HOUSE : SPOT, "CQC" + String.format("%03d", company),
                        ProviderNames.careHomes(company), inHouse ? IN_HOUSE_HOME : AGENCY_HOME, age);
            }
            case SECURE_HOME -> {
                int unit = urnNumber(spell) % 15;
                yield costing(spell, inHouse ? IN_HOUSE : SPOT, "SCH" + String.format("%02d", unit),
                        ProviderNames.secure(unit), SECURE, age);
            }
            case RESIDENTIAL_SCHOOL -> {
                int school = urnNumber(spell) % 200;
                yield costing(spell, inHouse ? IN_HOUSE : SPOT, "RSC" + String.format("%03d", school),
                        ProviderNames.school(school), RESIDENTIAL_SCHOOL, age);
            }
            case FAMILY_CENTRE -> {
                int centre = urnNumber(spell) % 60;
                yield costing(spell, inHouse ? IN_HOUSE : SPOT, "FAC" + String.format("%02d", centre),
                        ProviderNames.familyCentre(centre), FAMILY_CENTRE, age);
            }
            case SUPPORTED_ACCOMMODATION -> {
                if (inHouse) {
                    yield costing(spell, IN_HOUSE, "DCSL", ProviderNames.SUPPORTED_LODGINGS, SUPPORTED_IN_HOUSE, age);
                }
                if (draw.chance(SUPPORTED_BLOCK_SHARE)) {
                    int service = draw.between(0, 7);
                    yield costing(spell, BLOCK, "SAB" + (service + 1), ProviderNames.supported(service),
                            SUPPORTED_BLOCK, age);
                }
                int service = 8 + draw.between(0, 59);
                yield costing(spell, SPOT, "SAS" + String.format("%02d", service - 7), ProviderNames.supported(service),
                        SUPPORTED_SPOT, age);
            }
            case INDEPENDENT_LIVING -> {
                if (inHouse) {
                    yield costing(spell, IN_HOUSE, "DCLC", ProviderNames.LEAVING_CARE, INDEPENDENT_IN_HOUSE, age);
                }
                int service = 8 + draw.between(0, 59);
                yield costing(spell, SPOT, "SAS" + String.format("%02d", service - 7), ProviderNames.supported(service),
                        INDEPENDENT_SPOT, age);
            }
            default -> null;
        };
    }

    private Costing agencyFostering(Spell spell, double age) {
        int agency = urnNumber(spell) % 300;
        boolean framework = agency % 33 != 0;
        Costing costing = costing(spell, framework ? FRAMEWORK : SPOT, "IFA" + String.format("%03d", agency),
                ProviderNames.fosteringAgency(agency), IFA, age);
        if (stepDowns.contains(spell)) {
            costing = new Costing(spell, costing.contract(), costing.providerId(), costing.providerName(),
                    Dates.pence(costing.firstFee() * STEP_DOWN_PREMIUM), costing.uplift());
        }
        return costing;
    }

    private Costing blockHome(Spell spell, int provider) {
        double price = BLOCK_HOME_PRICES[provider];
        for (LocalDate april = Dates.nextApril(BLOCK_HOMES_FROM); !april.isAfter(spell.start()); april = april.plusYears(1)) {
            price *= 1 + BLOCK_HOME_UPLIFT;
        }
        double fee = Dates.pence(price * draw.logNormal(1, 0.08));
        return new Costing(spell, BLOCK, "CHB" + (provider + 1), ProviderNames.blockHomes(provider), fee,
                BLOCK_HOME_UPLIFT);
    }

    private Costing costing(Spell spell, String contract, String id, String name, Tariff tariff, double age) {
        double fee = tariff.firstFee(spell.start(), age, draw);
        if (stepDowns.contains(spell) && contract.equals(IN_HOUSE)) {
            fee = Dates.pence(fee * STEP_DOWN_PREMIUM);
        }
        return new Costing(spell, contract, id, name, fee, tariff.uplift());
    }

    private static String household(Spell spell) {
        return String.format("%06d", spell.home().carers());
    }

    /** The six digits of an Ofsted URN (SC123456), or the carers number when the home has none. */
    private static int urnNumber(Spell spell) {
        String urn = spell.home().urn();
        return urn.startsWith("SC") ? Integer.parseInt(urn.substring(2)) : spell.home().carers();
    }
}
