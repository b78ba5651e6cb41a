package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Statistical neighbours (inputs.md §5): DfE's model files as they come (the 2025 layout
 * {@code old_la_code, la_name, SN_1, SN_1P, …} and the 2021 layout {@code LA num, LA Name, SN1, SNP,
 * …}), or a simple {@code LA, NEIGHBOUR, RANK} list of codes or names. The model is the file's
 * {@code YEAR} column, else the year its name states, else its file name. Codes the model gives
 * without a name are named from the benchmarks, population or model files ({@link IntAreaNames}),
 * and names given without a code get one the same way.
 *
 * <p>Output of {@link #build}: la_code, la_name, neighbour_code, neighbour_name, rank, model,
 * closeness, source.
 */
public final class IntStatisticalNeighbours {
    private IntStatisticalNeighbours() {
    }

    /** The wide DfE layouts, one typed row per (LA, rank) with a {@code warning}. */
    public static Dataset<Row> typedDfe(Dataset<Row> model2025, Dataset<Row> model2021) {
        return wide(model2025, "OLD_LA_CODE", "LA_NAME", "SN_%d", "SN_%dP", "SN_1P")
                .unionByName(wide(model2021, "`LA NUM`", "`LA NAME`", "SN%d", "SNP_%d", "SNP"));
    }

    private static Dataset<Row> wide(Dataset<Row> rows, String code, String name, String neighbour, String closeness,
                                     String firstCloseness) {
        // One pass over the file: the ten (rank, neighbour, closeness) triples of a row, exploded.
        Column[] ranks = new Column[10];
        for (int rank = 1; rank <= 10; rank++) {
            String closenessColumn = rank == 1 ? firstCloseness : String.format(closeness, rank);
            ranks[rank - 1] = struct(lit(rank).as("rank"),
                    IntAreaNames.blankToNull(upper(trim(col(String.format(neighbour, rank))))).as("code"),
                    IntAreaNames.blankToNull(trim(col(closenessColumn))).as("closeness"));
        }
        return rows.select(
                        IntAreaNames.blankToNull(upper(trim(col(code)))).as("la_code"),
                        IntAreaNames.blankToNull(trim(col(name))).as("la_name"),
                        explode(array(ranks)).as("n"),
                        model().as("model"), col("file").as("source"), col("line"), col("fields_ok"))
                .select(col("la_code"), col("la_name"), col("n.code").as("neighbour_code"),
                        lit(null).cast(DataTypes.StringType).as("neighbour_name"), col("n.rank").as("rank"),
                        col("n.closeness").as("closeness"), col("model"), col("source"), col("line"), col("fields_ok"))
                // A blank SN_n (an LA with fewer neighbours) is no neighbour, not a problem.
                .where(col("neighbour_code").isNotNull())
                .withColumn("warning", when(col("fields_ok").unary_$bang(), lit("bad_row"))
                        .when(col("la_code").isNull().and(col("la_name").isNull()), lit("missing_area")));
    }

    /** The simple list, one typed row per input row with a {@code warning}. */
    public static Dataset<Row> typedSimple(Dataset<Row> simple) {
        Column la = IntAreaNames.blankToNull(trim(col("LA")));
        Column neighbour = IntAreaNames.blankToNull(trim(col("NEIGHBOUR")));
        Column rank = PublishedValues.number(col("RANK"), DataTypes.IntegerType);
        return simple.select(
                        when(PublishedValues.isAreaCode(la), upper(la)).as("la_code"),
                        when(PublishedValues.isAreaCode(la).unary_$bang(), la).as("la_name"),
                        when(PublishedValues.isAreaCode(neighbour), upper(neighbour)).as("neighbour_code"),
                        when(PublishedValues.isAreaCode(neighbour).unary_$bang(), neighbour).as("neighbour_name"),
                        rank.as("rank"), lit(null).cast(DataTypes.StringType).as("closeness"),
                        model().as("model"), col("file").as("source"), col("line"), col("fields_ok"),
                        when(col("fields_ok").unary_$bang(), lit("bad_row"))
                                .when(la.isNull().or(neighbour.isNull()), lit("missing_area"))
                                .when(rank.isNull().or(rank.lt(1)), lit("bad_rank")).as("warning"));
    }

    /** Usable rows, names and codes completed, one per (model, LA, rank): the later file wins. */
    /** @param lookup {@link IntAreaNames#lookup} */
    public static Dataset<Row> build(Dataset<Row> typed, Dataset<Row> lookup) {
        Dataset<Row> completed = typed.where(col("warning").isNull()).crossJoin(lookup)
                .select(coalesce(col("la_code"), IntAreaNames.codeOf(col("la_name"))).as("la_code"),
                        coalesce(col("la_name"), IntAreaNames.nameOf(col("la_code"))).as("la_name"),
                        coalesce(col("neighbour_code"), IntAreaNames.codeOf(col("neighbour_name"))).as("neighbour_code"),
                        coalesce(col("neighbour_name"), IntAreaNames.nameOf(col("neighbour_code"))).as("neighbour_name"),
                        col("rank"), col("closeness"), col("model"), col("source"), col("line"));
        var latestFirst = Window.partitionBy(col("model"), upper(coalesce(col("la_code"), col("la_name"))), col("rank"))
                .orderBy(col("source").desc(), col("line").desc());
        return completed.withColumn("pick", row_number().over(latestFirst))
                .where(col("pick").equalTo(1))
                .select(col("la_code"), col("la_name"), col("neighbour_code"), col("neighbour_name"), col("rank"),
                        col("model"), col("closeness"), col("source"));
    }

    private static Column model() {
        Column fromColumn = IntAreaNames.blankToNull(trim(col("YEAR")));
        return coalesce(fromColumn, col("name_year").cast(DataTypes.StringType),
                regexp_extract(col("file"), "([^/\\\\]+)$", 1));
    }
}
