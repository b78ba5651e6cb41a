package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.sufficiency.pipeline.intermediate.Pseudonym;

/**
 * The quarantine: every rejected episode row with its file, line, reason (counting-rules §4) and the
 * column and value at fault in words (detail; never the CHILD id, which is pseudonymised in child).
 */
public final class FctRejectedEpisodes {
    private FctRejectedEpisodes() {
    }

    public static Dataset<Row> build(Dataset<Row> validated, String secret) {
        return validated.where(col("reject_reason").isNotNull())
                .select(col("la"), col("file"), col("line"),
                        when(col("child").isNotNull(), Pseudonym.of(secret, col("la"), col("child"))).as("child"),
                        col("reject_reason").as("reason"), col("reject_detail").as("detail"));
    }
}
