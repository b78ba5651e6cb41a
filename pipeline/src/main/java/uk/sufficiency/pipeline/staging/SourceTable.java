package uk.sufficiency.pipeline.staging;

import java.util.List;
import java.util.Set;

/**
 * The input tables the pipeline reads, recognised by their column sets (counting-rules §2). A file
 * is claimed by a table when it carries that table's signature column or its name says so; a claimed
 * file must then carry every required column or the run fails.
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
                    "POPULATION_ESTIMATE"));

    /** Columns any table may carry in pooled extracts. */
    public static final Set<String> OPTIONAL_COLUMNS = Set.of("LA", "YEAR");

    private final String label;
    private final Set<String> signature;
    private final List<String> required;

    SourceTable(String label, Set<String> signature, List<String> required) {
        this.label = label;
        this.signature = signature;
        this.required = required;
    }

    public String label() {
        return label;
    }

    public List<String> required() {
        return required;
    }

    /** Whether a file with these (upper-case) columns and this (lower-case) name belongs to this table. */
    boolean claims(Set<String> columns, String lowerCaseName) {
        if (this == POPULATION_DFE) {
            return columns.containsAll(required);
        }
        return signature.stream().anyMatch(columns::contains)
                || (this != POPULATION && lowerCaseName.contains(label) && columns.contains("CHILD"));
    }

    boolean is903() {
        return this == EPISODES || this == HEADER || this == UASC;
    }
}
