package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * LA names and codes as DfE's files give them, so a file that names an LA only by code (a
 * neighbour model) or only by name (a hand-made list) can be completed. Sources, best first: the
 * benchmarks file, the ONS population file, then the neighbour models' own LA rows; within a source
 * the latest year wins. Output of {@link #build}: old_code, new_code, name, priority, year.
 */
public final class IntAreaNames {
    private IntAreaNames() {
    }

    public static Dataset<Row> build(Dataset<Row> benchmarksDfe, Dataset<Row> populationDfe,
                                     Dataset<Row> neighboursDfe, Dataset<Row> neighboursDfe2021) {
        Column laLevel = lower(trim(col("GEOGRAPHIC_LEVEL"))).equalTo("local authority");
        Dataset<Row> fromBenchmarks = benchmarksDfe.where(laLevel).select(
                col("OLD_LA_CODE").as("old_code"), col("NEW_LA_CODE").as("new_code"), col("LA_NAME").as("name"),
                lit(1).as("priority"), PublishedValues.collectionYear(col("TIME_PERIOD")).as("year"));
        Dataset<Row> fromPopulation = populationDfe.where(laLevel).select(
                col("OLD_LA_CODE").as("old_code"), col("NEW_LA_CODE").as("new_code"), col("LA_NAME").as("name"),
                lit(2).as("priority"), PublishedValues.collectionYear(col("TIME_PERIOD")).as("year"));
        Dataset<Row> fromModel = neighboursDfe.select(
                col("OLD_LA_CODE").as("old_code"), lit(null).cast(DataTypes.StringType).as("new_code"),
                col("LA_NAME").as("name"), lit(3).as("priority"), col("name_year").as("year"));
        Dataset<Row> fromModel2021 = neighboursDfe2021.select(
                col("`LA NUM`").as("old_code"), lit(null).cast(DataTypes.StringType).as("new_code"),
                col("`LA NAME`").as("name"), lit(3).as("priority"), col("name_year").as("year"));
        return fromBenchmarks.unionByName(fromPopulation).unionByName(fromModel).unionByName(fromModel2021)
                .select(blankToNull(upper(trim(col("old_code")))).as("old_code"),
                        blankToNull(upper(trim(col("new_code")))).as("new_code"),
                        blankToNull(trim(col("name"))).as("name"), col("priority"), col("year"))
                .where(col("name").isNotNull());
    }

    /** code (old or new, upper-case) → name: the best source's latest name for that code. */
    public static Dataset<Row> namesByCode(Dataset<Row> areas) {
        Dataset<Row> codes = areas.select(col("old_code").as("code"), col("name"), col("priority"), col("year"))
                .unionByName(areas.select(col("new_code").as("code"), col("name"), col("priority"), col("year")))
                .where(col("code").isNotNull());
        return best(codes, "code", "name").withColumnRenamed("value", "name");
    }

    /** name (upper-case) → old code: the code the best source gives that name. */
    public static Dataset<Row> codesByName(Dataset<Row> areas) {
        Dataset<Row> names = areas.where(col("old_code").isNotNull())
                .select(upper(col("name")).as("key"), col("old_code").as("code"), col("priority"), col("year"));
        return best(names, "key", "code").withColumnRenamed("value", "code");
    }

    /**
     * Both lookups as one row of two maps, {@code name_of} (code → name) and {@code code_of} (upper-case
     * name → old code), to cross-join onto a reference table and read with {@link #nameOf} and
     * {@link #codeOf}: one small broadcast instead of a join per lookup.
     */
    public static Dataset<Row> lookup(Dataset<Row> areas) {
        Dataset<Row> nameOf = namesByCode(areas)
                .agg(map_from_entries(collect_list(struct(col("code"), col("name")))).as("name_of"));
        Dataset<Row> codeOf = codesByName(areas)
                .agg(map_from_entries(collect_list(struct(col("key"), col("code")))).as("code_of"));
        return nameOf.crossJoin(codeOf);
    }

    /** The name of an LA code (old or new, any case), from a row joined to {@link #lookup}; null when unknown. */
    public static Column nameOf(Column code) {
        return when(code.isNotNull(), try_element_at(col("name_of"), upper(code)));
    }

    /** The old code of an LA name (any case), from a row joined to {@link #lookup}; null when unknown. */
    public static Column codeOf(Column name) {
        return when(name.isNotNull(), try_element_at(col("code_of"), upper(name)));
    }

    /** Per key, the value of the best row: lowest priority, then latest year, then the first value. */
    private static Dataset<Row> best(Dataset<Row> rows, String key, String value) {
        Column rank = struct(col("priority"), coalesce(col("year"), lit(0)).multiply(-1).as("newest"),
                col(value).as("value"));
        return rows.groupBy(col(key)).agg(min(rank).as("best")).select(col(key), col("best.value").as("value"));
    }

    static Column blankToNull(Column text) {
        return when(text.notEqual(""), text).otherwise(lit(null).cast(DataTypes.StringType));
    }
}
