package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Repairs each child's chain of episodes (counting-rules §5), sorted by DECOM:
 * an episode left open, or closing after the next one starts, closes when the next one starts
 * ({@code closed_at_next}); a child's last episode still open in a return older than the LA's
 * latest return closes on 31 March of its return year ({@code closed_at_year_end}). A repaired
 * close has no REC, so it is never counted as ceased. Adds {@code repair} (null when untouched).
 */
public final class IntEpisodesRepaired {
    private IntEpisodesRepaired() {
    }

    /**
     * @param laWindow per LA its {@code last_year}: the latest return year among all its rows, so a
     *                 return whose episodes all reappear in a later one still counts
     */
    public static Dataset<Row> build(Dataset<Row> episodes, Dataset<Row> laWindow) {
        Column nextDecom = lead(col("decom"), 1).over(Window.partitionBy(col("la"), col("child")).orderBy(col("decom")));
        // A small per-LA table, broadcast: a window over a whole LA would put it in one task.
        Dataset<Row> laLatestYear = laWindow.select(col("la"), col("last_year").as("la_latest_year"));
        Dataset<Row> withContext = episodes
                .join(broadcast(laLatestYear), "la")
                .withColumn("next_decom", nextDecom);

        Column closedAtNext = col("next_decom").isNotNull()
                .and(col("dec").isNull().or(col("dec").gt(col("next_decom"))));
        Column closedAtYearEnd = col("next_decom").isNull().and(col("dec").isNull())
                .and(col("year").lt(col("la_latest_year")));
        Column repair = when(closedAtNext, lit("closed_at_next"))
                .when(closedAtYearEnd, lit("closed_at_year_end"));
        return withContext
                .withColumn("repair", repair)
                .withColumn("dec", when(closedAtNext, col("next_decom"))
                        .when(closedAtYearEnd, make_date(col("year"), lit(3), lit(31)))
                        .otherwise(col("dec")))
                .withColumn("rec", when(col("repair").isNotNull(), lit(null).cast(DataTypes.StringType))
                        .otherwise(col("rec")))
                .drop("next_decom", "la_latest_year");
    }
}
