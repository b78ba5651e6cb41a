package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * One Header row per child (counting-rules §3: keyed by (LA, CHILD), the latest return wins) with
 * sex decoded (§2: 1/M male, 2/F female, else unknown), DOB typed and ETHNIC as a code (upper-case,
 * spaces removed, blank null). Output: la, child, sex, dob, ethnic.
 * Lines that cannot be used (misread, blank CHILD, no LA) are left out here and reported as
 * warnings from {@link #typed}'s rows (§4: never silently dropped).
 */
public final class IntChildren {
    private IntChildren() {
    }

    /** Every staged Header line typed: la, child, sex, dob, ethnic, year, file, line, fields_ok. */
    public static Dataset<Row> typed(Dataset<Row> stagedHeaders, String defaultLa) {
        // A misread line's LA may be shifted text: it is put under --la (null without it), never a new LA.
        Column la = OperationalValues.la(defaultLa);
        Column child = trim(col("CHILD"));
        Column sexCode = Codes903.normalised(col("SEX"));
        Column ethnic = Codes903.normalised(col("ETHNIC"));
        Column year = coalesce(ReturnYear.of(col("YEAR")), col("name_year"));
        return stagedHeaders.select(
                la.as("la"),
                when(child.notEqual(""), child).as("child"),
                when(sexCode.isin("1", "M"), lit("male")).when(sexCode.isin("2", "F"), lit("female"))
                        .otherwise(lit("unknown")).as("sex"),
                Dates903.parse(col("DOB")).as("dob"),
                when(ethnic.notEqual(""), ethnic).as("ethnic"),
                year.as("year"), col("file"), col("line"), col("fields_ok"));
    }

    public static Dataset<Row> build(Dataset<Row> typed) {
        var latestFirst = Window.partitionBy(col("la"), col("child"))
                .orderBy(col("year").desc_nulls_last(), col("file").desc(), col("line").desc());
        return typed.where(col("la").isNotNull().and(col("child").isNotNull()).and(col("fields_ok")))
                .withColumn("copy", row_number().over(latestFirst))
                .where(col("copy").equalTo(1))
                .select(col("la"), col("child"), col("sex"), col("dob"), col("ethnic"));
    }
}
