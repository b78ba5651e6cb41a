package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.regexp_replace;
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
 * Published children-looked-after figures for England, regions and LAs (inputs.md §5): DfE's
 * LA-level file as it comes, and the simple AREA, AREA_TYPE, YEAR, MEASURE, VALUE file for older
 * series. Suppressed values stay null with DfE's marker beside them.
 *
 * <p>Output of {@link #build}: area, area_code_old, area_code_new, area_type ({@code england},
 * {@code region}, {@code la}, {@code statistical_neighbours}), region, year (collection year),
 * measure ({@code looked_after_31_march}, {@code started}, {@code ceased}), children,
 * rate_per_10000, marker, population_0_17, source (the file).
 */
public final class IntBenchmarkRates {
    public static final String LOOKED_AFTER = "looked_after_31_march";

    private IntBenchmarkRates() {
    }

    /** DfE's file, one typed row per input row, with a {@code warning} (null when usable). */
    public static Dataset<Row> typedDfe(Dataset<Row> dfe) {
        Column level = lower(trim(col("GEOGRAPHIC_LEVEL")));
        Column areaType = when(level.equalTo("national"), lit("england"))
                .when(level.equalTo("regional"), lit("region"))
                .when(level.equalTo("local authority"), lit("la"))
                .otherwise(slug(level));
        Column area = when(level.equalTo("national"), coalesce(IntAreaNames.blankToNull(trim(col("COUNTRY_NAME"))),
                lit("England")))
                .when(level.equalTo("regional"), trim(col("REGION_NAME")))
                .otherwise(trim(col("LA_NAME")));
        Column codeNew = when(level.equalTo("national"), trim(col("COUNTRY_CODE")))
                .when(level.equalTo("regional"), trim(col("REGION_CODE")))
                .otherwise(trim(col("NEW_LA_CODE")));
        Column populationType = lower(trim(col("POPULATION_TYPE")));
        Column measure = when(populationType.contains("31 march"), lit(LOOKED_AFTER))
                .when(populationType.contains("start"), lit("started"))
                .when(populationType.contains("ceas"), lit("ceased"))
                .otherwise(slug(populationType));
        Column year = PublishedValues.collectionYear(col("TIME_PERIOD"));
        Dataset<Row> typed = dfe.select(
                IntAreaNames.blankToNull(area).as("area"),
                IntAreaNames.blankToNull(when(level.equalTo("local authority"), trim(col("OLD_LA_CODE")))).as("area_code_old"),
                IntAreaNames.blankToNull(codeNew).as("area_code_new"),
                areaType.as("area_type"),
                IntAreaNames.blankToNull(when(level.notEqual("national"), trim(col("REGION_NAME")))).as("region"),
                year.as("year"),
                measure.as("measure"),
                PublishedValues.number(col("POPULATION_ESTIMATE"), DataTypes.LongType).as("population_0_17"),
                PublishedValues.number(col("CHILDREN_COUNT"), DataTypes.LongType).as("children"),
                PublishedValues.number(col("RATE_PER_10000"), DataTypes.DoubleType).as("rate_per_10000"),
                coalesce(PublishedValues.marker(col("CHILDREN_COUNT")), PublishedValues.marker(col("RATE_PER_10000")))
                        .as("marker"),
                col("file").as("source"), col("line"), col("fields_ok"));
        return typed.withColumn("warning", when(col("fields_ok").unary_$bang(), lit("bad_row"))
                .when(col("year").isNull(), lit("bad_year"))
                .when(col("area").isNull(), lit("missing_area")));
    }

    /**
     * The simple file, one typed row per input row: kind {@code count} or {@code rate}, with a
     * {@code warning}. The optional {@code REGION} column is kept for {@code la} rows only (the
     * region the LA belongs to, spelt as the region rows' {@code AREA}); on other rows it is ignored.
     */
    public static Dataset<Row> typedSimple(Dataset<Row> simple) {
        Column rawType = slug(lower(trim(col("AREA_TYPE"))));
        Column areaType = when(rawType.isin("la", "region", "england", "statistical_neighbours"), rawType)
                .when(rawType.equalTo("national"), lit("england"));
        Column rawMeasure = slug(lower(trim(col("MEASURE"))));
        Column base = regexp_replace(rawMeasure, "_rate(_per_10000)?$", "");
        Column isRate = rawMeasure.rlike("_rate(_per_10000)?$").or(rawMeasure.equalTo("rate_per_10000"));
        Column measure = when(rawMeasure.equalTo("rate_per_10000"), lit(LOOKED_AFTER))
                .when(base.isin(LOOKED_AFTER, "started", "ceased"), base);
        Dataset<Row> typed = simple.select(
                IntAreaNames.blankToNull(trim(col("AREA"))).as("area"),
                areaType.as("area_type"),
                PublishedValues.collectionYear(col("YEAR")).as("year"),
                measure.as("measure"),
                when(isRate, lit("rate")).otherwise(lit("count")).as("kind"),
                when(areaType.equalTo("la"), IntAreaNames.blankToNull(trim(col("REGION")))).as("region"),
                PublishedValues.number(col("VALUE"), DataTypes.DoubleType).as("value"),
                PublishedValues.marker(col("VALUE")).as("marker"),
                col("file").as("source"), col("line"), col("fields_ok"));
        return typed.withColumn("warning", when(col("fields_ok").unary_$bang(), lit("bad_row"))
                .when(col("area").isNull(), lit("missing_area"))
                .when(col("area_type").isNull(), lit("unknown_area_type"))
                .when(col("year").isNull(), lit("bad_year"))
                .when(col("measure").isNull(), lit("unknown_measure"))
                .when(col("value").isNull().and(col("marker").isNull()), lit("missing_value")));
    }

    /**
     * One row per (area type, area, year, measure). The simple file's count and rate rows for the
     * same figure merge into one; DfE's file wins over the simple file, and a later file (by name)
     * or line over an earlier one. Areas the simple file gives by code are named, and LAs given by name get their
     * code, from the {@link IntAreaNames#lookup}. A simple {@code la} row's region is its {@code REGION}
     * (the latest row that gives one for the area, year and measure); a region row's is its own area.
     */
    public static Dataset<Row> build(Dataset<Row> typedDfe, Dataset<Row> typedSimple, Dataset<Row> lookup) {
        Column area = col("area");
        Column isCode = PublishedValues.isAreaCode(area);
        Column isOldCode = isCode.and(area.rlike("^[0-9]"));
        Dataset<Row> simple = typedSimple.where(col("warning").isNull()).crossJoin(lookup)
                .select(when(isCode, coalesce(IntAreaNames.nameOf(area), area)).otherwise(area).as("area"),
                        when(isOldCode, area).when(col("area_type").equalTo("la").and(isCode.unary_$bang()),
                                IntAreaNames.codeOf(area)).as("area_code_old"),
                        when(isCode.and(isOldCode.unary_$bang()), upper(area)).as("area_code_new"),
                        col("area_type"), col("region"), col("year"), col("measure"), col("kind"), col("value"),
                        col("marker"), col("source"), col("line"))
                .groupBy(col("area_type"), upper(col("area")).as("key"), col("year"), col("measure"))
                .agg(first(col("area")).as("area"), max(col("area_code_old")).as("area_code_old"),
                        max(col("area_code_new")).as("area_code_new"),
                        max_by(col("value"), latest("count")).cast(DataTypes.LongType).as("children"),
                        max_by(col("value"), latest("rate")).as("rate_per_10000"),
                        max_by(col("marker"), when(col("marker").isNotNull(), struct(col("source"), col("line"))))
                                .as("marker"),
                        max_by(col("region"), when(col("region").isNotNull(), struct(col("source"), col("line"))))
                                .as("region"),
                        max(col("source")).as("source"))
                .select(col("area"), col("area_code_old"), col("area_code_new"), col("area_type"),
                        when(col("area_type").equalTo("region"), col("area"))
                                .when(col("area_type").equalTo("la"), col("region")).as("region"),
                        col("year"), col("measure"), lit(null).cast(DataTypes.LongType).as("population_0_17"),
                        col("children"), col("rate_per_10000"), col("marker"), col("source"),
                        lit(2).as("priority"));
        Dataset<Row> dfe = typedDfe.where(col("warning").isNull()).select(
                col("area"), col("area_code_old"), col("area_code_new"), col("area_type"), col("region"),
                col("year"), col("measure"), col("population_0_17"), col("children"), col("rate_per_10000"),
                col("marker"), col("source"), lit(1).as("priority"));
        var bestFirst = Window.partitionBy(col("area_type"), upper(col("area")), col("year"), col("measure"))
                .orderBy(col("priority").asc(), col("source").desc());
        return dfe.unionByName(simple)
                .withColumn("pick", row_number().over(bestFirst))
                .where(col("pick").equalTo(1))
                .select(col("area"), col("area_code_old"), col("area_code_new"), col("area_type"), col("region"),
                        col("year"), col("measure"), col("children"), col("rate_per_10000"), col("marker"),
                        col("population_0_17"), col("source"));
    }

    /** Orders a simple file's rows of one kind by file, then line, so the later row wins; null for other kinds. */
    private static Column latest(String kind) {
        return when(col("kind").equalTo(kind), struct(col("source"), col("line")));
    }

    /** Lower-case words joined by underscores: {@code "Statistical neighbours"} → {@code statistical_neighbours}. */
    private static Column slug(Column lowerText) {
        return regexp_replace(regexp_replace(lowerText, "[^a-z0-9]+", "_"), "^_+|_+$", "");
    }
}
