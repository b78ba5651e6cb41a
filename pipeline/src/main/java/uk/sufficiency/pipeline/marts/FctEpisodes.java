package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.sufficiency.pipeline.intermediate.Pseudonym;

/** The {@code episodes} fact: surviving, repaired episodes with their category, child pseudonymised. */
public final class FctEpisodes {
    private FctEpisodes() {
    }

    public static Dataset<Row> build(Dataset<Row> repaired, String secret) {
        return repaired.select(
                col("la"),
                Pseudonym.of(secret, col("la"), col("child")).as("child"),
                col("decom"), col("dec"), col("rec"), col("rne"), col("legal_status"),
                col("placement"), col("provider"),
                PlacementCategory.of(col("placement"), col("provider")).as("category"),
                col("year"), col("repair"));
    }
}
