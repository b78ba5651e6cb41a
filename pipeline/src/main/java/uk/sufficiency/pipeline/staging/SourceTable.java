package uk.sufficiency.pipeline.staging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The input tables the pipeline reads, recognised by their column sets (counting-rules §2). A file
 * is claimed by a table when it carries that table's signature column, or (903 tables) CHILD and
 * either a name that says so or most of the table's columns; a claimed file must then carry every
 * required column or the run fails.
 */
public enum SourceTable {
    EPISODES("episodes", Set.of("DECOM"),
            List.of("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                    "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN")),
    HEADER("header", Set.of("ETHNIC", "UPN"),
            List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")),
    UASC("uasc", Set.of("DUC"), List.of("CHILD", "SEX", "DOB", "DUC")),
    /** The simple population file of inputs.md §5. */
    POPULATION("population", Set.of("POPULATION_0_17"), List.of("LA", "YEAR", "POPULATION_0_17")),
    /** DfE's published ONS mid-year estimates file, read as it comes. */
    POPULATION_DFE("population", Set.of("POPULATION_ESTIMATE"),
            List.of("TIME_PERIOD", "GEOGRAPHIC_LEVEL", "OLD_LA_CODE", "NEW_LA_CODE", "LA_NAME", "AGE_GROUP",
                    "POPULATION_ESTIMATE")),
    /** DfE's published CLA numbers and rates per 10,000 (England, regions, LAs), read as it comes. */
    BENCHMARKS_DFE("benchmarks", Set.of("POPULATION_TYPE"),
            List.of("TIME_PERIOD", "GEOGRAPHIC_LEVEL", "REGION_NAME", "OLD_LA_CODE", "LA_NAME", "NEW_LA_CODE",
                    "POPULATION_TYPE", "CHILDREN_COUNT", "RATE_PER_10000"),
            List.of("COUNTRY_CODE", "COUNTRY_NAME", "REGION_CODE", "POPULATION_ESTIMATE")),
    /**
     * The simple benchmarks file of inputs.md §5, for older published series; an {@code la} row may
     * name the LA's region in the optional {@code REGION} column.
     */
    BENCHMARKS("benchmarks", Set.of("AREA_TYPE"), List.of("AREA", "AREA_TYPE", "YEAR", "MEASURE", "VALUE"),
            List.of("REGION")),
    /** DfE's statistical neighbour model as published since 2025: old_la_code, la_name, SN_1, SN_1P, … */
    NEIGHBOURS_DFE("statistical neighbours", Set.of("SN_1"),
            concat(List.of("OLD_LA_CODE", "LA_NAME"), numbered("SN_%d", "")),
            numbered("SN_%dP", "")),
    /**
     * DfE's 2021 model file: {@code LA num, LA Name, …, SN1, SNP, SN2, SNP, …}; the repeated
     * {@code SNP} columns are read as SNP, SNP_2, … SNP_10 (see InputCatalog).
     */
    NEIGHBOURS_DFE_2021("statistical neighbours", Set.of("SN1"),
            concat(List.of("LA NUM", "LA NAME"), numbered("SN%d", "")),
            numbered("SNP_%d", "SNP")),
    /** The simple neighbours file: LA, NEIGHBOUR, RANK (codes or names), with an optional model YEAR. */
    NEIGHBOURS("statistical neighbours", Set.of("NEIGHBOUR"), List.of("LA", "NEIGHBOUR", "RANK")),
    /** Strategy targets (inputs.md §5), optionally per LA and with a RAG tolerance. */
    KPI_TARGETS("kpi targets", Set.of("TARGET_VALUE"),
            List.of("KPI", "BASELINE_DATE", "BASELINE_VALUE", "TARGET_DATE", "TARGET_VALUE", "POLARITY"),
            List.of("TOLERANCE", "SOURCE")),
    /** Placement search referrals (inputs.md §3), recognised by REQUEST_TYPE. */
    PLACEMENT_REQUESTS("placement requests", Set.of("REQUEST_TYPE"),
            List.of("REQUEST_ID", "CHILD", "RECEIVED", "REQUEST_TYPE", "SEARCHES", "OUTCOME"),
            List.of("URGENCY", "SIBLINGS", "RING_ROUND", "OFFERS", "SOLO_REQUESTED", "LOCATION_REQUIRED",
                    "NEED_EMOTIONAL", "NEED_MENTAL_HEALTH", "NEED_SELF_HARM", "NEED_SUICIDE", "NEED_AGGRESSION",
                    "NEED_MISSING", "NEED_CRIMINAL", "NEED_SEND", "NEED_SUBSTANCE", "NEED_CSE", "NEED_DOLS",
                    "OUTCOME_DATE", "PLACED_PLACE", "PLACED_PROVIDER", "WEEKLY_COST")),
    /** Capacity as at a date (inputs.md §4), recognised by PROVISION. */
    CAPACITY("capacity", Set.of("PROVISION"), List.of("DATE", "PROVISION", "CAPACITY"),
            List.of("OCCUPIED", "OCCUPIED_HIGH", "OCCUPIED_MEDIUM", "OCCUPIED_LOW")),
    /**
     * Placement cost history (inputs.md §2), recognised by COST_FROM (placement requests carry a
     * WEEKLY_COST too, never a COST_FROM).
     */
    PLACEMENT_COSTS("placement costs", Set.of("COST_FROM"),
            List.of("CHILD", "PROVIDER_ID", "CONTRACT", "WEEKLY_COST", "COST_FROM"),
            List.of("PROVIDER_NAME", "COST_TO"));

    /** Tables whose rows belong to one LA: without an LA column the run's --la must say which. */
    public static final Set<SourceTable> PER_LA = Set.of(EPISODES, HEADER, PLACEMENT_COSTS, PLACEMENT_REQUESTS, CAPACITY);

    /** Columns any table may carry in pooled extracts. */
    public static final Set<String> OPTIONAL_COLUMNS = Set.of("LA", "YEAR");

    private final String label;
    private final Set<String> signature;
    private final List<String> required;
    private final List<String> optional;

    SourceTable(String label, Set<String> signature, List<String> required) {
        this(label, signature, required, List.of());
    }

    SourceTable(String label, Set<String> signature, List<String> required, List<String> optional) {
        this.label = label;
        this.signature = signature;
        this.required = required;
        this.optional = optional;
    }

    public String label() {
        return label;
    }

    public List<String> required() {
        return required;
    }

    /** Columns this table reads when present (a missing one reads as null). */
    public List<String> optional() {
        return optional;
    }

    /** Ten numbered column names; {@code first}, when not empty, replaces the first one. */
    private static List<String> numbered(String pattern, String first) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            out.add(i == 1 && !first.isEmpty() ? first : String.format(pattern, i));
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** Whether a file with these (upper-case) columns and this (lower-case) name belongs to this table. */
    boolean claims(Set<String> columns, String lowerCaseName) {
        if (this == POPULATION_DFE) {
            return columns.containsAll(required);
        }
        return signature.stream().anyMatch(columns::contains)
                || (is903() && columns.contains("CHILD") && (lowerCaseName.contains(label) || resembles(columns)));
    }

    /** Most of a 903 table's columns (three or more, over half): a damaged copy of it rather than another table. */
    private boolean resembles(Set<String> columns) {
        long present = required.stream().filter(columns::contains).count();
        return present >= 3 && present * 2 > required.size();
    }

    boolean is903() {
        return this == EPISODES || this == HEADER || this == UASC;
    }
}
