package uk.sufficiency.pipeline.marts;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The quarantine of every input that is not a 903 table (placement costs, requests, capacity):
 * la, source (the input, e.g. {@code placement_costs}), file, line, reason. Each source hands in its
 * own rejects with these columns; none names a child, so nothing here needs pseudonymising.
 */
public final class FctRejectedRows {
    public static final StructType SCHEMA = new StructType()
            .add("la", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("file", DataTypes.StringType)
            .add("line", DataTypes.IntegerType)
            .add("reason", DataTypes.StringType);

    private FctRejectedRows() {
    }

    public static Dataset<Row> build(SparkSession spark, List<Dataset<Row>> rejectsBySource) {
        Dataset<Row> all = spark.createDataFrame(List.of(), SCHEMA);
        for (Dataset<Row> rejects : rejectsBySource) {
            all = all.unionByName(rejects.select("la", "source", "file", "line", "reason"));
        }
        return all;
    }
}
