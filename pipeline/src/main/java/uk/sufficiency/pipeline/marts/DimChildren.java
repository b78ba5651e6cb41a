package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.sufficiency.pipeline.intermediate.Pseudonym;

/** The {@code children} dimension: sex and date of birth per pseudonymised child, for ages. */
public final class DimChildren {
    private DimChildren() {
    }

    public static Dataset<Row> build(Dataset<Row> children, String secret) {
        return children.select(col("la"), Pseudonym.of(secret, col("la"), col("child")).as("child"),
                col("sex"), col("dob"));
    }

    /** Each pseudonymised child's ETHNIC code as the Header gives it (null when blank), for the ethnicity figures. */
    public static Dataset<Row> ethnicity(Dataset<Row> children, String secret) {
        return children.select(col("la"), Pseudonym.of(secret, col("la"), col("child")).as("child"), col("ethnic"));
    }
}
