package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;

/** The 903 code lists the pipeline validates against, and how a raw code is normalised. */
public final class Codes903 {
    /** Legal statuses (LS). V3 and V4 are short-break series, excluded from counts downstream. */
    public static final List<String> LEGAL_STATUSES =
            List.of("C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4");
    /** Placement types (PLACE): exactly those counting-rules §8 gives a category. */
    public static final List<String> PLACEMENTS = List.of(
            "A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
            "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1", "Z11", "Z12", "Z13", "Z14");
    public static final List<String> PROVIDERS = List.of("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");
    public static final List<String> CATEGORIES_OF_NEED =
            List.of("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9");
    public static final List<String> REASONS_NEW_EPISODE = List.of("S", "P", "L", "T", "B", "U");

    private Codes903() {
    }

    /** Upper-case with every space removed ({@code " u 4"} is {@code U4}); blank becomes null. */
    public static Column normalised(Column raw) {
        Column code = upper(regexp_replace(raw, "\\s+", ""));
        return when(code.notEqual(""), code).otherwise(lit(null));
    }

    public static Column in(Column code, List<String> allowed) {
        return code.isin(allowed.toArray());
    }
}
