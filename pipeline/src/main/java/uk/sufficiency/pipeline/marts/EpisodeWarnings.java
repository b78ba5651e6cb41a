package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.sufficiency.pipeline.intermediate.Codes903;

/**
 * The data-quality fact: warnings by LA, source table and type (counting-rules §4): things that
 * look wrong but do not reject an episode, and the repairs of §5. Counted once per surviving
 * episode (after deduplication), so an episode repeated in five returns warns once.
 */
public final class EpisodeWarnings {
    private EpisodeWarnings() {
    }

    /**
     * @param repaired surviving episodes after repair, with a boolean {@code has_header} column
     * @param children deduplicated header rows (la, child, sex, dob, raw_dob)
     * @param typedHeaders every Header line ({@code IntChildren.typed}), to report the ones left out
     * @return la, source, warning, count
     */
    public static Dataset<Row> build(Dataset<Row> repaired, Dataset<Row> children, Dataset<Row> typedHeaders) {
        Column[] episodeWarnings = {
                when(col("provider").isNull(), lit("missing_provider")),
                when(col("provider").isNotNull().and(Codes903.in(col("provider"), Codes903.PROVIDERS).unary_$bang()),
                        lit("unknown_provider")),
                when(col("rec_without_dec"), lit("rec_without_dec")),
                when(col("year_unreadable"), lit("bad_year")),
                when(col("cin").isNull().or(Codes903.in(col("cin"), Codes903.CATEGORIES_OF_NEED).unary_$bang()),
                        lit("unknown_cin")),
                when(col("rne").isNull().or(Codes903.in(col("rne"), Codes903.REASONS_NEW_EPISODE).unary_$bang()),
                        lit("unknown_rne")),
                when(col("home_post").isNull().or(col("home_post").equalTo(""))
                        .or(col("pl_post").isNull()).or(col("pl_post").equalTo("")), lit("missing_postcode")),
                when(col("has_header").unary_$bang(), lit("no_header")),
                // Usually a return labelled with the year it starts rather than the year it ends.
                when(col("decom").gt(make_date(col("year"), lit(3), lit(31))), lit("decom_after_return_year")),
                col("repair")};
        Dataset<Row> fromEpisodes = countWarnings(repaired, "episodes", episodeWarnings);
        Column[] headerWarnings = {
                when(col("sex").equalTo("unknown"), lit("unknown_sex")),
                when(col("dob").isNull(), lit("missing_or_bad_dob"))};
        // Lines IntChildren leaves out have no key to deduplicate by: counted once per line.
        Column[] unusedHeaders = {
                when(col("fields_ok").unary_$bang(), lit("header_bad_row")),
                when(col("fields_ok").and(col("child").isNull()), lit("header_missing_child")),
                when(col("fields_ok").and(col("child").isNotNull()).and(col("la").isNull()), lit("header_missing_la"))};
        return fromEpisodes.unionByName(countWarnings(children, "header", headerWarnings))
                .unionByName(countWarnings(typedHeaders, "header", unusedHeaders));
    }

    private static Dataset<Row> countWarnings(Dataset<Row> rows, String source, Column[] warnings) {
        Column present = filter(array(warnings), w -> w.isNotNull());
        return rows.select(col("la"), explode(present).as("warning"))
                .groupBy(col("la"), col("warning"))
                .agg(count(lit(1)).as("count"))
                .select(col("la"), lit(source).as("source"), col("warning"), col("count"));
    }
}
