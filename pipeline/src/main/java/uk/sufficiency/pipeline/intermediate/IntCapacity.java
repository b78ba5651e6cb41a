package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Types every staged capacity row (inputs.md §4). Output: file, line, la, date, provision
 * (trimmed, lower-case), capacity, occupied, occupied_high, occupied_medium, occupied_low,
 * reject_reason (null for a row that survives) and copy (1 for the row that counts for its LA,
 * date and provision). Reasons, the first that applies: {@code bad_row} (more fields than the
 * header), {@code missing_key} (no LA or blank PROVISION), {@code bad_date} (DATE blank or not a
 * date), {@code bad_number} (CAPACITY blank, or CAPACITY or any OCCUPIED column not a whole
 * number ≥ 0). Of two surviving rows for one LA, date and provision the later file (then line)
 * counts and the other is a warning, {@code duplicate_capacity}.
 */
public final class IntCapacity {
    public static final String SOURCE = "capacity";
    private static final String[] NUMBERS = {"CAPACITY", "OCCUPIED", "OCCUPIED_HIGH", "OCCUPIED_MEDIUM", "OCCUPIED_LOW"};

    private IntCapacity() {
    }

    public static Dataset<Row> typed(Dataset<Row> staged, String defaultLa) {
        List<Column> columns = new ArrayList<>(List.of(
                col("file"), col("line"), col("fields_ok"), OperationalValues.la(defaultLa).as("la"),
                Dates903.parse(col("DATE")).as("date"),
                OperationalValues.code(col("PROVISION")).as("provision")));
        Column badNumber = col("CAPACITY").isNull().or(OperationalValues.whole(col("CAPACITY")).isNull());
        for (String number : NUMBERS) {
            columns.add(OperationalValues.whole(col(number)).as(number.toLowerCase(Locale.ROOT)));
            badNumber = badNumber.or(OperationalValues.badWhole(col(number)));
        }
        columns.add(badNumber.as("bad_number"));
        Dataset<Row> typed = staged.select(columns.toArray(Column[]::new));
        Column reason = when(col("fields_ok").unary_$bang(), lit("bad_row"))
                .when(col("la").isNull().or(col("provision").isNull()), lit("missing_key"))
                .when(col("date").isNull(), lit("bad_date"))
                .when(col("bad_number"), lit("bad_number"));
        typed = typed.withColumn("reject_reason", reason);
        // Surviving rows sort first, so copy 1 is the latest surviving row of its key.
        Column copy = row_number().over(Window.partitionBy(col("la"), col("date"), col("provision"))
                .orderBy(col("reject_reason").isNull().desc(), col("file").desc(), col("line").desc()));
        return typed.withColumn("copy", copy).select(col("file"), col("line"), col("la"), col("date"),
                col("provision"), col("capacity"), col("occupied"), col("occupied_high"), col("occupied_medium"),
                col("occupied_low"), col("reject_reason"), col("copy"));
    }

    /** The {@code capacity} fact: la, date, provision, capacity, occupied, occupied_high, _medium, _low. */
    public static Dataset<Row> build(Dataset<Row> typed) {
        return typed.where(col("reject_reason").isNull().and(col("copy").equalTo(1)))
                .select(col("la"), col("date"), col("provision"), col("capacity"), col("occupied"),
                        col("occupied_high"), col("occupied_medium"), col("occupied_low"));
    }

    /** The rejected rows for the shared quarantine: la, source, file, line, reason. */
    public static Dataset<Row> rejects(Dataset<Row> typed) {
        return OperationalRows.rejects(typed, SOURCE);
    }

    /**
     * Warnings (la, source, warning, count): a row superseded by a later one for the same LA, date
     * and provision ({@code duplicate_capacity}); of the rows that count, a priority breakdown that
     * does not add up to OCCUPIED (OCCUPIED_HIGH + MEDIUM + LOW, blanks as 0, against a blank or
     * different OCCUPIED: {@code occupied_priority_mismatch}); OCCUPIED above CAPACITY
     * ({@code occupied_over_capacity}).
     */
    public static Dataset<Row> warnings(Dataset<Row> typed) {
        Column anyPriority = col("occupied_high").isNotNull().or(col("occupied_medium").isNotNull())
                .or(col("occupied_low").isNotNull());
        Column prioritySum = coalesce(col("occupied_high"), lit(0)).plus(coalesce(col("occupied_medium"), lit(0)))
                .plus(coalesce(col("occupied_low"), lit(0)));
        Column counts = col("copy").equalTo(1);
        Column[] checks = {
                when(col("copy").gt(1), lit("duplicate_capacity")),
                when(counts.and(anyPriority).and(col("occupied").isNull().or(prioritySum.notEqual(col("occupied")))),
                        lit("occupied_priority_mismatch")),
                when(counts.and(col("occupied").gt(col("capacity"))), lit("occupied_over_capacity"))};
        return OperationalRows.warnings(typed, SOURCE, checks);
    }
}
