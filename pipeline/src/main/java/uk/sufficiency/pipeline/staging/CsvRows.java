package uk.sufficiency.pipeline.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one CSV file into string columns named as the wanted upper-case columns, plus {@code file}
 * and {@code line} (1-based, the header being line 1) so a reject can say exactly where it came
 * from. The file is read whole and split into lines inside Spark: Spark's CSV reader cannot report
 * line numbers, and 903 files never hold a line break inside a value.
 */
public final class CsvRows {
    private CsvRows() {
    }

    /**
     * @param wanted the columns to return, in this order; a column the file lacks comes back null
     * @return file, line, fields_ok (the line has no more fields than the header), fields_short (it has
     *     fewer), unterminated (it is the file's last line and no line break ends it) and the wanted columns
     */
    public static Dataset<Row> read(SparkSession spark, InputFile file, List<String> wanted) {
        // One field per position (InputCatalog makes repeated names unique): from_csv matches by position.
        StructType schema = new StructType();
        for (String column : file.columns()) {
            schema = schema.add(column, DataTypes.StringType);
        }
        // The file's text is split once and only its lines and two scalars reach the explode: a column
        // computed from the whole text beside the explode is recomputed for every line (quadratic).
        Dataset<Row> lines = spark.read().option("wholetext", true).text(file.path().toString())
                .select(split(col("value"), "\r?\n|\r").as("lines"),
                        col("value").rlike("[\r\n]$").as("ends_with_break"))
                .select(size(col("lines")).as("count"), col("ends_with_break"), col("lines"))
                .select(col("count"), col("ends_with_break"), posexplode(col("lines")).as(new String[] {"index", "text"}))
                .where(col("index").gt(0).and(trim(col("text")).notEqual("")));
        Column parsed = from_csv(col("text"), lit(schema.toDDL()), Map.of("mode", "PERMISSIVE"));
        // Fields counted outside quoted sections. Exports often drop trailing empty fields, so a short
        // line is read with its missing fields blank (from_csv gives them null); a long line is misread.
        Column fieldCount = size(split(regexp_replace(col("text"), "\"[^\"]*\"", ""), ",", -1));
        Column[] out = new Column[wanted.size() + 5];
        out[0] = lit(file.displayName()).as("file");
        out[1] = col("index").plus(1).cast(DataTypes.IntegerType).as("line");
        out[2] = fieldCount.leq(file.columns().size()).as("fields_ok");
        out[3] = fieldCount.lt(file.columns().size()).as("fields_short");
        out[4] = col("index").equalTo(col("count").minus(1)).and(col("ends_with_break").unary_$bang()).as("unterminated");
        for (int i = 0; i < wanted.size(); i++) {
            String name = wanted.get(i);
            out[i + 5] = (file.hasColumn(name) ? col("r").getField(name) : lit(null).cast(DataTypes.StringType)).as(name);
        }
        return lines.select(col("index"), col("count"), col("ends_with_break"), col("text"), parsed.as("r")).select(out);
    }
}
