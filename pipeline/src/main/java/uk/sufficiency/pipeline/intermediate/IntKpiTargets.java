package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Strategy KPI targets (inputs.md §5): KPI, BASELINE_DATE, BASELINE_VALUE, TARGET_DATE,
 * TARGET_VALUE, POLARITY ({@code up} or {@code down} is better), optional LA, TOLERANCE (how far
 * worse than the trajectory is still amber; 1 when absent) and SOURCE (the document the targets come
 * from). Targets belong to an LA: a row's LA is its {@code LA} value, else the run's {@code --la};
 * a row with neither is left out with the warning {@code target_without_la}. There are no default
 * targets: an LA without a row for a KPI has no target for it (and no RAG).
 *
 * <p>Output of {@link #build}: la, kpi, baseline_date, baseline_value (the baseline the file
 * states; the warehouse computes the LA's own from its data), target_date, target_value, polarity,
 * tolerance, source (SOURCE and the file, {@code "Strategy 2021-2024 (targets.csv)"}, or the file).
 */
public final class IntKpiTargets {
    /** The tolerance when a targets file gives none: 1 percentage point for shares, 1 a year for counts. */
    public static final double DEFAULT_TOLERANCE = 1.0;

    private IntKpiTargets() {
    }

    /** One typed row per file row, with a {@code warning} ({@code bad_target}) when it cannot be used. */
    public static Dataset<Row> typed(Dataset<Row> staged, String defaultLa) {
        Column la = OperationalValues.la(defaultLa);
        Column kpi = IntAreaNames.blankToNull(lower(trim(col("KPI"))));
        Column polarity = lower(trim(col("POLARITY")));
        Column tolerance = PublishedValues.number(col("TOLERANCE"), DataTypes.DoubleType);
        Column document = IntAreaNames.blankToNull(trim(col("SOURCE")));
        Dataset<Row> typed = staged.select(
                la.as("la"), kpi.as("kpi"),
                Dates903.parse(col("BASELINE_DATE")).as("baseline_date"),
                PublishedValues.number(col("BASELINE_VALUE"), DataTypes.DoubleType).as("baseline_value"),
                Dates903.parse(col("TARGET_DATE")).as("target_date"),
                PublishedValues.number(col("TARGET_VALUE"), DataTypes.DoubleType).as("target_value"),
                when(polarity.isin("up", "down"), polarity).as("polarity"),
                when(Dates903.present(col("TOLERANCE")), tolerance).otherwise(lit(DEFAULT_TOLERANCE)).as("tolerance"),
                when(document.isNotNull(), concat(document, lit(" ("), col("file"), lit(")")))
                        .otherwise(col("file")).as("source"),
                col("file"), col("line"), col("fields_ok"));
        Column bad = col("kpi").isNull().or(col("baseline_date").isNull()).or(col("target_date").isNull())
                .or(col("target_date").leq(col("baseline_date")))
                .or(col("baseline_value").isNull()).or(col("target_value").isNull()).or(col("polarity").isNull())
                .or(col("tolerance").isNull()).or(col("tolerance").lt(0));
        return typed.withColumn("warning", when(col("fields_ok").unary_$bang(), lit("bad_row"))
                .when(bad, lit("bad_target")).when(col("la").isNull(), lit("target_without_la")));
    }

    /** The usable rows: for each LA (any letter case) and KPI, the last row of the last file wins. */
    public static Dataset<Row> build(Dataset<Row> typed) {
        var lastFirst = Window.partitionBy(upper(col("la")), col("kpi")).orderBy(col("file").desc(), col("line").desc());
        return typed.where(col("warning").isNull())
                .withColumn("pick", row_number().over(lastFirst)).where(col("pick").equalTo(1))
                .select(col("la"), col("kpi"), col("baseline_date"), col("baseline_value"), col("target_date"),
                        col("target_value"), col("polarity"), col("tolerance"), col("source"));
    }
}
