package uk.sufficiency.pipeline.synthetic;

import java.util.List;

/**
 * Synthetic provider names for the finance views. Agencies are named from invented words that
 * begin with Q (as the synthetic postcodes are), so that no name is a real provider's.
 */
final class ProviderNames {
    static final String IN_HOUSE_FOSTERING = "Demo County Fostering Service";
    static final String CONNECTED_CARERS = "Demo County Fostering Service (connected carers)";
    static final String OTHER_LA_FOSTERING = "Neighbouring authority fostering service";
    static final String SUPPORTED_LODGINGS = "Demo County Supported Lodgings";
    static final String LEAVING_CARE = "Demo County Leaving Care Service";

    private static final List<String> WORDS = List.of("Qarston", "Qelby", "Qendal", "Qirkham", "Qorwood",
            "Qubridge", "Qynford", "Qaleham", "Qestow", "Qindle", "Qolbury", "Qurnside", "Qaverley", "Qeswick",
            "Qimbrook", "Qotley", "Qushfield", "Qarrow", "Qenby", "Qilmore");
    private static final List<String> PLACES = List.of("", " Vale", " Bridge", " Park", " Hill", " Meadow",
            " Grange", " Lane", " Cross", " Green", " Moor", " Dale", " Brook", " Ridge", " Field");

    private ProviderNames() {
    }

    /** A name unique for each index below 300. */
    static String name(int index, String trade) {
        return WORDS.get(index % WORDS.size()) + PLACES.get(index / WORDS.size() % PLACES.size()) + " " + trade;
    }

    static String fosteringAgency(int index) {
        return name(index, "Fostering");
    }

    static String agencyHomes(int index) {
        return name(index + 7, "Children's Homes Ltd");
    }

    static String blockHomes(int provider) {
        return name(provider * 41 + 3, "Care Group") + " (block contract)";
    }

    static String careHomes(int index) {
        return name(index + 150, "Care");
    }

    static String inHouseHome(int home) {
        return "Demo County Children's Home " + (home + 1);
    }

    static String secure(int unit) {
        return name(unit * 13 + 5, "Secure Children's Home");
    }

    static String school(int index) {
        return name(index + 60, "School");
    }

    static String familyCentre(int index) {
        return name(index + 210, "Family Assessment Centre");
    }

    static String supported(int service) {
        return name(service * 3 + 1, "Housing and Support");
    }
}
