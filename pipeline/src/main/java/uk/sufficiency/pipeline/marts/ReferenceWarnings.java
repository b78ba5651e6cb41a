package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Rows of reference files (benchmarks, statistical neighbours, KPI targets) that cannot be used,
 * counted for the data-quality fact: la (the row's LA where it has one, else null: reference data
 * belongs to no LA), source, warning, count. The rest of the file is still used.
 */
public final class ReferenceWarnings {
    private ReferenceWarnings() {
    }

    /** No warnings, with the columns of {@link #of}. */
    public static Dataset<Row> none(SparkSession spark) {
        StructType schema = new StructType().add("la", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("warning", DataTypes.StringType).add("count", DataTypes.LongType, false);
        return spark.createDataFrame(List.of(), schema);
    }

    /** @param typed rows with a {@code warning} column (null when usable) and optionally {@code la} */
    public static Dataset<Row> of(Dataset<Row> typed, String source) {
        Column la = Arrays.asList(typed.columns()).contains("la") ? col("la")
                : lit(null).cast(DataTypes.StringType);
        return typed.where(col("warning").isNotNull())
                .groupBy(la.as("la"), col("warning"))
                .agg(count(lit(1)).as("count"))
                .select(col("la"), lit(source).as("source"), col("warning"), col("count"));
    }
}
