package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Strategy KPI targets (inputs.md §5): KPI, BASELINE_DATE, BASELINE_VALUE, TARGET_DATE,
 * TARGET_VALUE, POLARITY ({@code up} or {@code down} is better), optional LA and TOLERANCE (how far
 * worse than the trajectory is still amber; 1 when absent). The seed strategy's five KPIs are the
 * default: a file's row replaces the default of its KPI for every LA (LA blank) or for its LA.
 *
 * <p>Output of {@link #build}: la (null = every LA), kpi, baseline_date, baseline_value,
 * target_date, target_value, polarity, tolerance, source (the file, or {@code default}).
 */
public final class IntKpiTargets {
    /** The tolerance when a targets file gives none: 1 percentage point for shares, 1 a year for counts. */
    public static final double DEFAULT_TOLERANCE = 1.0;

    /** One default target. */
    public record Target(String kpi, LocalDate baselineDate, double baselineValue, LocalDate targetDate,
                         double targetValue, String polarity) {
    }

    /**
     * Lancashire's CLA Sufficiency Strategy 2021-2024, section 5 (the seed, ../shared/seeds/004_*.txt):
     * baselines are "Baseline Levels (March 2020)"; the strategy runs to 2024 and says "by 2024, we
     * aim to increase the proportion of our fostering placements to 70%", so every target is dated
     * 31 March 2024, the end of the strategy's last year.
     */
    public static final List<Target> DEFAULTS = List.of(
            new Target("with_parents_share", LocalDate.of(2020, 3, 31), 15.5, LocalDate.of(2024, 3, 31), 13.5, "down"),
            new Target("fostering_share", LocalDate.of(2020, 3, 31), 62.3, LocalDate.of(2024, 3, 31), 70.0, "up"),
            new Target("step_down_started", LocalDate.of(2020, 3, 31), 6.0, LocalDate.of(2024, 3, 31), 10.0, "up"),
            new Target("childrens_homes_share", LocalDate.of(2020, 3, 31), 9.1, LocalDate.of(2024, 3, 31), 8.3, "down"),
            new Target("block_supported_high_priority_share", LocalDate.of(2020, 3, 31), 53.0,
                    LocalDate.of(2024, 3, 31), 60.0, "up"));

    private IntKpiTargets() {
    }

    /** One typed row per file row, with a {@code warning} ({@code bad_target}) when it cannot be used. */
    public static Dataset<Row> typed(Dataset<Row> staged) {
        Column la = IntAreaNames.blankToNull(trim(col("LA")));
        Column kpi = IntAreaNames.blankToNull(lower(trim(col("KPI"))));
        Column polarity = lower(trim(col("POLARITY")));
        Column tolerance = PublishedValues.number(col("TOLERANCE"), DataTypes.DoubleType);
        Dataset<Row> typed = staged.select(
                la.as("la"), kpi.as("kpi"),
                Dates903.parse(col("BASELINE_DATE")).as("baseline_date"),
                PublishedValues.number(col("BASELINE_VALUE"), DataTypes.DoubleType).as("baseline_value"),
                Dates903.parse(col("TARGET_DATE")).as("target_date"),
                PublishedValues.number(col("TARGET_VALUE"), DataTypes.DoubleType).as("target_value"),
                when(polarity.isin("up", "down"), polarity).as("polarity"),
                when(Dates903.present(col("TOLERANCE")), tolerance).otherwise(lit(DEFAULT_TOLERANCE)).as("tolerance"),
                col("file").as("source"), col("line"), col("fields_ok"));
        Column bad = col("kpi").isNull().or(col("baseline_date").isNull()).or(col("target_date").isNull())
                .or(col("target_date").leq(col("baseline_date")))
                .or(col("baseline_value").isNull()).or(col("target_value").isNull()).or(col("polarity").isNull())
                .or(col("tolerance").isNull()).or(col("tolerance").lt(0));
        return typed.withColumn("warning", when(col("fields_ok").unary_$bang(), lit("bad_row"))
                .when(bad, lit("bad_target")));
    }

    /** The file's usable rows (the last row for an LA and KPI wins) and the defaults they do not replace. */
    public static Dataset<Row> build(SparkSession spark, Dataset<Row> typed) {
        var lastFirst = Window.partitionBy(upper(col("la")), col("kpi")).orderBy(col("source").desc(), col("line").desc());
        Dataset<Row> fromFiles = typed.where(col("warning").isNull())
                .withColumn("pick", row_number().over(lastFirst)).where(col("pick").equalTo(1))
                .select(col("la"), col("kpi"), col("baseline_date"), col("baseline_value"), col("target_date"),
                        col("target_value"), col("polarity"), col("tolerance"), col("source"));
        Dataset<Row> defaults = defaults(spark);
        Dataset<Row> replaced = fromFiles.where(col("la").isNull()).select(col("kpi"));
        return fromFiles.unionByName(defaults.join(replaced, defaults.col("kpi").equalTo(replaced.col("kpi")), "left_anti"));
    }

    /** The seed strategy's targets alone, as {@link #build} writes them when no targets file is loaded. */
    public static Dataset<Row> defaults(SparkSession spark) {
        StructType schema = new StructType()
                .add("la", DataTypes.StringType).add("kpi", DataTypes.StringType)
                .add("baseline_date", DataTypes.DateType).add("baseline_value", DataTypes.DoubleType)
                .add("target_date", DataTypes.DateType).add("target_value", DataTypes.DoubleType)
                .add("polarity", DataTypes.StringType).add("tolerance", DataTypes.DoubleType)
                .add("source", DataTypes.StringType);
        List<Row> rows = DEFAULTS.stream().map(t -> RowFactory.create(null, t.kpi(), Date.valueOf(t.baselineDate()),
                t.baselineValue(), Date.valueOf(t.targetDate()), t.targetValue(), t.polarity(), DEFAULT_TOLERANCE,
                "default")).toList();
        return spark.createDataFrame(rows, schema);
    }
}
