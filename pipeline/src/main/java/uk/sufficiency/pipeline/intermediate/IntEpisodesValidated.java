package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Types every staged episode row and decides whether it is rejected (counting-rules §4). Output
 * columns: file, line, la, child, decom, dec, rne, legal_status, cin, placement, provider, rec,
 * home_post, pl_post, year, reject_reason (null for a row that survives), and two warning flags
 * taken before any repair: rec_without_dec, year_unreadable (a YEAR value that is not a year).
 */
public final class IntEpisodesValidated {
    private IntEpisodesValidated() {
    }

    /**
     * @param defaultLa     the run's {@code --la}, used where a row has no LA value; may be null
     * @param someUndated   whether any file lacks a year in its name (its rows may need dating from data)
     */
    public static Dataset<Row> build(Dataset<Row> staged, String defaultLa, boolean someUndated) {
        Column rawLa = trim(col("LA"));
        Column la = coalesce(when(rawLa.notEqual(""), rawLa), lit(defaultLa).cast(DataTypes.StringType));
        Column child = trim(col("CHILD"));
        Dataset<Row> typed = staged.select(
                col("file"), col("line"), col("fields_ok"), la.as("la"),
                when(child.notEqual(""), child).as("child"),
                col("DECOM").as("raw_decom"), col("DEC").as("raw_dec"),
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
        Column reason = when(col("fields_ok").unary_$bang(), lit("bad_row"))
                .when(col("la").isNull().or(col("child").isNull()).or(Dates903.present(col("raw_decom")).unary_$bang()),
                        lit("missing_key"))
                .when(col("decom").isNull(), lit("bad_date"))
                .when(Dates903.present(col("raw_dec")).and(col("dec").isNull()), lit("bad_date"))
                .when(col("dec").lt(col("decom")), lit("dec_before_decom"))
                .when(Codes903.in(col("placement"), Codes903.PLACEMENTS).unary_$bang()
                        .or(col("placement").isNull())
                        .or(Codes903.in(col("legal_status"), Codes903.LEGAL_STATUSES).unary_$bang())
                        .or(col("legal_status").isNull()), lit("bad_code"));

        return typed.select(col("file"), col("line"), col("la"), col("child"), col("decom"), col("dec"),
                col("rne"), col("legal_status"), col("cin"), col("placement"), col("provider"), col("rec"),
                col("home_post"), col("pl_post"), year.cast(DataTypes.IntegerType).as("year"),
                reason.as("reject_reason"),
                col("rec").isNotNull().and(col("dec").isNull()).as("rec_without_dec"),
                col("year_unreadable"));
    }
}
