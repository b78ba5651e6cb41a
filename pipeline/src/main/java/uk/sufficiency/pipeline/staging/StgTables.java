package uk.sufficiency.pipeline.staging;

import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Staging models: every file of one source table, CSV or XML, unioned into one dataset of raw
 * string columns (the table's required and optional columns plus {@code LA} and {@code YEAR}), with
 * {@code file}, {@code line}, {@code fields_ok} (false for a CSV line with more fields than its
 * header), {@code fields_short} (a CSV line with fewer: its missing trailing fields are blank),
 * {@code unterminated} (a file's last line with no line break after it) and {@code name_year} (the year the
 * file's name states, or null).
 */
public final class StgTables {
    private StgTables() {
    }

    public static Dataset<Row> load(SparkSession spark, InputCatalog catalog, SourceTable table) {
        List<String> wanted = new ArrayList<>(table.required());
        table.optional().stream().filter(c -> !wanted.contains(c)).forEach(wanted::add);
        SourceTable.OPTIONAL_COLUMNS.stream().sorted().filter(c -> !wanted.contains(c)).forEach(wanted::add);
        List<Dataset<Row>> parts = new ArrayList<>();
        for (InputFile file : catalog.of(table)) {
            parts.add(withNameYear(CsvRows.read(spark, file, wanted), file));
        }
        if (table == SourceTable.EPISODES || table == SourceTable.HEADER) {
            for (InputFile file : catalog.xmlReturns()) {
                parts.add(withNameYear(XmlRows.read(spark, file, table, wanted), file));
            }
        }
        if (parts.isEmpty()) {
            return empty(spark, wanted);
        }
        Dataset<Row> all = parts.get(0);
        for (Dataset<Row> part : parts.subList(1, parts.size())) {
            all = all.unionByName(part);
        }
        return all;
    }

    private static Dataset<Row> withNameYear(Dataset<Row> rows, InputFile file) {
        return rows.withColumn("name_year", lit(file.nameYear()).cast(DataTypes.IntegerType));
    }

    private static Dataset<Row> empty(SparkSession spark, List<String> wanted) {
        var schema = new org.apache.spark.sql.types.StructType()
                .add("file", DataTypes.StringType).add("line", DataTypes.IntegerType)
                .add("fields_ok", DataTypes.BooleanType).add("fields_short", DataTypes.BooleanType)
                .add("unterminated", DataTypes.BooleanType);
        for (String column : wanted) {
            schema = schema.add(column, DataTypes.StringType);
        }
        schema = schema.add("name_year", DataTypes.IntegerType);
        return spark.createDataFrame(List.of(), schema);
    }
}
