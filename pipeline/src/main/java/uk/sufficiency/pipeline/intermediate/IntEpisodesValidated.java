package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Types every staged episode row and decides whether it is rejected (counting-rules §4). Output
 * columns: file, line, la, child, decom, dec, rne, legal_status, cin, placement, provider, rec,
 * home_post, pl_post, year, reject_reason (null for a row that survives), reject_detail (the column
 * and value at fault, in words; never the CHILD id), and warning flags taken before any repair:
 * rec_without_dec, year_unreadable (a YEAR value that is not a year), short_line (a kept line with
 * fewer fields than its header, its missing fields read as blank); and unterminated (the file's last
 * line, with no line break after it).
 */
public final class IntEpisodesValidated {
    private IntEpisodesValidated() {
    }

    /**
     * @param defaultLa     the run's {@code --la}, used where a row has no LA value; may be null
     * @param someUndated   whether any file lacks a year in its name (its rows may need dating from data)
     * @param runDate       the day of the run: a DECOM or DEC after it cannot have happened yet
     */
    public static Dataset<Row> build(Dataset<Row> staged, String defaultLa, boolean someUndated, LocalDate runDate) {
        Column rawLa = trim(col("LA"));
        Column la = coalesce(when(rawLa.notEqual(""), rawLa), lit(defaultLa).cast(DataTypes.StringType));
        Column child = trim(col("CHILD"));
        Dataset<Row> typed = staged.select(
                col("file"), col("line"), col("fields_ok"), col("fields_short"), col("unterminated"), la.as("la"),
                when(child.notEqual(""), child).as("child"),
                col("DECOM").as("raw_decom"), col("DEC").as("raw_dec"), col("PLACE").as("raw_place"),
                col("LS").as("raw_ls"),
                Dates903.parse(col("DECOM")).as("decom"),
                Dates903.parse(col("DEC")).as("dec"),
                Codes903.normalised(col("RNE")).as("rne"),
                Codes903.normalised(col("LS")).as("legal_status"),
                Codes903.normalised(col("CIN")).as("cin"),
                Codes903.normalised(col("PLACE")).as("placement"),
                Codes903.normalised(col("PLACE_PROVIDER")).as("provider"),
                Codes903.normalised(col("REC")).as("rec"),
                trim(col("HOME_POST")).as("home_post"),
                trim(col("PL_POST")).as("pl_post"),
                ReturnYear.of(col("YEAR")).as("year_column"),
                Dates903.present(col("YEAR")).and(ReturnYear.of(col("YEAR")).isNull()).as("year_unreadable"),
                col("name_year"));

        // A row with neither a readable YEAR nor a year in its file's name is dated by its file's latest
        // DECOM or DEC; the window costs a shuffle, so it is only planned when such a file exists.
        Column year = coalesce(col("year_column"), col("name_year"));
        if (someUndated) {
            year = coalesce(year, Dates903.collectionYear(
                    max(greatest(col("decom"), col("dec"))).over(Window.partitionBy(col("file")))));
        }

        // A line with more fields than its header was misread (a stray comma): its values cannot be
        // trusted, so it is quarantined before anything else is checked.
        // A short line that lacks a key, or the last line of a file cut off inside it, is short_row: the
        // fault is the missing text, not a blank in the source system.
        Column keyMissing = col("la").isNull().or(col("child").isNull()).or(Dates903.present(col("raw_decom")).unary_$bang());
        Column shortRow = col("fields_short").and(keyMissing.or(col("unterminated")));
        Column today = lit(java.sql.Date.valueOf(runDate));
        Column badPlace = col("placement").isNull().or(Codes903.in(col("placement"), Codes903.PLACEMENTS).unary_$bang());
        Column badLs = col("legal_status").isNull().or(Codes903.in(col("legal_status"), Codes903.LEGAL_STATUSES).unary_$bang());
        Column[] checks = {
                col("fields_ok").unary_$bang(), shortRow, keyMissing,
                col("child").rlike("\\p{Cntrl}"),
                col("decom").isNull(), Dates903.present(col("raw_dec")).and(col("dec").isNull()),
                col("decom").gt(today).or(col("dec").gt(today)),
                col("dec").lt(col("decom")), badPlace.or(badLs)};
        String[] reasons = {"bad_row", "short_row", "missing_key", "bad_id", "bad_date", "bad_date", "future_date",
                "dec_before_decom", "bad_code"};
        Column[] details = {
                lit("more fields than the header"),
                concat(lit("fewer fields than the header"),
                        when(col("unterminated"), lit("; the file ends inside this line")).otherwise(lit(""))),
                when(col("la").isNull(), lit("LA blank and no --la")).when(col("child").isNull(), lit("CHILD blank"))
                        .otherwise(lit("DECOM blank")),
                lit("CHILD holds a control character"),
                concat(lit("DECOM '"), col("raw_decom"), lit("' is not a date")),
                concat(lit("DEC '"), col("raw_dec"), lit("' is not a date")),
                concat(when(col("decom").gt(today), concat(lit("DECOM "), trim(col("raw_decom"))))
                                .otherwise(concat(lit("DEC "), trim(col("raw_dec")))),
                        lit(" is after the run's date, " + runDate)),
                concat(lit("DEC "), trim(col("raw_dec")), lit(" is before DECOM "), trim(col("raw_decom"))),
                when(badPlace, concat(lit("PLACE '"), coalesce(col("raw_place"), lit("")), lit("'")))
                        .otherwise(concat(lit("LS '"), coalesce(col("raw_ls"), lit("")), lit("'")))};
        Column reason = lit(null).cast(DataTypes.StringType);
        Column detail = lit(null).cast(DataTypes.StringType);
        for (int i = checks.length - 1; i >= 0; i--) { // first that applies wins
            reason = when(checks[i], lit(reasons[i])).otherwise(reason);
            detail = when(checks[i], details[i]).otherwise(detail);
        }

        return typed.select(col("file"), col("line"), col("la"), col("child"), col("decom"), col("dec"),
                col("rne"), col("legal_status"), col("cin"), col("placement"), col("provider"), col("rec"),
                col("home_post"), col("pl_post"), year.cast(DataTypes.IntegerType).as("year"),
                reason.as("reject_reason"), detail.as("reject_detail"),
                col("rec").isNotNull().and(col("dec").isNull()).as("rec_without_dec"),
                col("year_unreadable"), col("fields_short").as("short_line"), col("unterminated"));
    }
}
