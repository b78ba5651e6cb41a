package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Each LA's data window (counting-rules §1): the first and last collection years its returns
 * cover. Figures are produced only from 1 April of (first - 1) to 31 March of last.
 */
public final class LaWindow {
    private LaWindow() {
    }

    /**
     * From every typed episode row, rejected or not (the returns an LA sent, not what survived),
     * except misread lines: their LA and YEAR values may be shifted text, which would make a fake LA.
     */
    public static Dataset<Row> build(Dataset<Row> validated) {
        return validated.where(col("la").isNotNull().and(col("year").isNotNull())
                        .and(col("reject_reason").isNull().or(col("reject_reason").notEqual("bad_row"))))
                .groupBy(col("la"))
                .agg(min(col("year")).as("first_year"), max(col("year")).as("last_year"));
    }
}
