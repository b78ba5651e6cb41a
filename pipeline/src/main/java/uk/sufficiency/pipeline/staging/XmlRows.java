package uk.sufficiency.pipeline.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one table's rows out of a 903 XML return, in the same shape as {@link CsvRows}. The
 * parsing runs inside a Spark task, so child-level data stays on the executors.
 */
public final class XmlRows {
    private XmlRows() {
    }

    public static Dataset<Row> read(SparkSession spark, InputFile file, SourceTable table, List<String> wanted) {
        StructType schema = new StructType().add("file", DataTypes.StringType).add("line", DataTypes.IntegerType)
                .add("fields_ok", DataTypes.BooleanType);
        for (String column : wanted) {
            schema = schema.add(column, DataTypes.StringType);
        }
        return spark.read().option("wholetext", true).text(file.path().toString())
                .select(col("value"))
                .flatMap(new Extract(file.displayName(), table, wanted), Encoders.row(schema))
                // An XML element holds whole values: never short, and a cut-off return is refused when scanned.
                .withColumn("fields_short", lit(false)).withColumn("unterminated", lit(false));
    }

    /** Serializable so that it runs on a cluster's executors as well as in local mode. */
    private record Extract(String file, SourceTable table, List<String> wanted) implements FlatMapFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Row document) throws Exception {
            List<Row> rows = new ArrayList<>();
            for (Xml903Parser.Xml903Record record : Xml903Parser.parse(document.getString(0))) {
                if (record.table() != table) {
                    continue;
                }
                Object[] values = new Object[wanted.size() + 3];
                values[0] = file;
                values[1] = record.line();
                values[2] = true;
                for (int i = 0; i < wanted.size(); i++) {
                    values[i + 3] = record.fields().get(wanted.get(i));
                }
                rows.add(RowFactory.create(values));
            }
            return rows.iterator();
        }
    }
}
