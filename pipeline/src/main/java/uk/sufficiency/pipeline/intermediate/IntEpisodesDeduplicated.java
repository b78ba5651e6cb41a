package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * One row per episode (counting-rules §3): the same episode is repeated in every return whose year
 * it overlaps, keyed by (LA, CHILD, DECOM); the latest return year wins, and on a tie the row whose
 * DEC is filled. File and line break any remaining tie so reruns give the same answer.
 */
public final class IntEpisodesDeduplicated {
    private IntEpisodesDeduplicated() {
    }

    public static Dataset<Row> build(Dataset<Row> survivors) {
        var latestFirst = Window.partitionBy(col("la"), col("child"), col("decom"))
                .orderBy(col("year").desc_nulls_last(), col("dec").isNull().asc(),
                        col("file").desc(), col("line").desc());
        // Partitioned by child once: this window, the chain repair's (la, child) window and the join with
        // the children then need no further shuffle of the episodes.
        return survivors.repartition(col("la"), col("child")).withColumn("copy", row_number().over(latestFirst))
                .where(col("copy").equalTo(1))
                .drop("copy");
    }
}
