package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the typed rows of the inputs beside the 903 (placement costs, requests, capacity) hand on in
 * the same way: their rejects to the shared quarantine and their warnings to data_quality. Typed rows
 * carry la, file, line and reject_reason (null for a row that survives).
 */
public final class OperationalRows {
    private OperationalRows() {
    }

    /** The rejected rows for the shared quarantine: la, source, file, line, reason. */
    /**
     * The children an input may name (inputs.md: "the 903 child id"): every (la, child) with a surviving
     * episode or a Header row, raw ids. Built once a run and shared by costs and requests.
     */
    public static Dataset<Row> knownChildren(Dataset<Row> repaired, Dataset<Row> children) {
        return repaired.select(col("la"), col("child")).unionByName(children.select(col("la"), col("child")))
                .distinct();
    }

    static Dataset<Row> rejects(Dataset<Row> typed, String source) {
        return typed.where(col("reject_reason").isNotNull())
                .select(col("la"), lit(source).as("source"), col("file"), col("line"), col("reject_reason").as("reason"));
    }

    /**
     * Warnings on the surviving rows (la, source, warning, count): each check is a warning's name
     * where it applies to a row and null where it does not; a row may raise several.
     */
    static Dataset<Row> warnings(Dataset<Row> typed, String source, Column... checks) {
        return typed.where(col("reject_reason").isNull())
                .select(col("la"), explode(filter(array(checks), c -> c.isNotNull())).as("warning"))
                .groupBy(col("la"), col("warning"))
                .agg(count(lit(1)).as("count"))
                .select(col("la"), lit(source).as("source"), col("warning"), col("count"));
    }
}
