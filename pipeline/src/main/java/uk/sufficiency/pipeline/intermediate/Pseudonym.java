package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

import org.apache.spark.sql.Column;

/**
 * The child id the warehouse stores: a keyed SHA-256 of (LA, CHILD) with the installation's secret,
 * so one child keeps one pseudonym across runs and the same id in two LAs stays two children.
 * 20 hex digits (80 bits) keep collisions out of reach for any number of children England has.
 */
public final class Pseudonym {
    private Pseudonym() {
    }

    public static Column of(String secret, Column la, Column child) {
        return substring(sha2(concat_ws("|", lit(secret), la, child), 256), 1, 20);
    }
}
