package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Placement cost lines (inputs.md §2) typed and checked. Output columns: file, line, la, child (as
 * it came, trimmed: pseudonymised only in the facts), provider_id, provider_name, contract
 * (lower-case), weekly_cost (DOUBLE pounds), cost_from, cost_to (null while ongoing),
 * previous_weekly_cost (the fee of the child's previous surviving line when it named the same
 * provider, else null) and reject_reason (null for a line that survives).
 *
 * <p>Reasons, first wins: {@code bad_row} (more fields than the header), {@code missing_key}
 * (LA, CHILD, PROVIDER_ID, WEEKLY_COST or COST_FROM blank), {@code bad_date} (COST_FROM, or a
 * present COST_TO, not a date), {@code bad_period} (COST_TO before COST_FROM), {@code bad_cost}
 * (WEEKLY_COST not an amount of pounds), {@code negative_cost}, {@code bad_code} (CONTRACT not one
 * of {@link #CONTRACTS}), {@code unknown_child} (no surviving episode or Header row for the child in
 * that LA), and last, among the lines that passed every other check, {@code overlap}: two lines for
 * one child that cover a common day are both rejected.
 */
public final class IntPlacementCosts {
    public static final String SOURCE = "placement_costs";

    public static final List<String> CONTRACTS = List.of("in_house", "spot", "framework", "block");

    /** Pounds, optionally signed, with an optional pound sign and thousands separators. */
    private static final String MONEY = "^-?([0-9]{1,3}(,[0-9]{3})+|[0-9]{1,12})(\\.[0-9]+)?$";
    /** Stands in for a blank COST_TO (ongoing) when comparing periods. */
    private static final String OPEN_END = "9999-12-31";

    private IntPlacementCosts() {
    }

    /**
     * Every staged line typed, with the reasons a line can be rejected for on its own
     * (everything but {@code unknown_child} and {@code overlap}).
     *
     * @param defaultLa the run's {@code --la}, for rows without an LA value; may be null
     */
    public static Dataset<Row> typed(Dataset<Row> staged, String defaultLa) {
        Column money = regexp_replace(trim(col("WEEKLY_COST")), "[\u00a3 ]", "");
        Dataset<Row> typed = staged.select(
                col("file"), col("line"), col("fields_ok"), OperationalValues.la(defaultLa).as("la"),
                OperationalValues.text(col("CHILD")).as("child"),
                OperationalValues.text(col("PROVIDER_ID")).as("provider_id"),
                OperationalValues.text(col("PROVIDER_NAME")).as("provider_name"),
                lower(trim(col("CONTRACT"))).as("contract"),
                col("WEEKLY_COST").as("raw_cost"),
                when(money.rlike(MONEY), regexp_replace(money, ",", "").cast(DataTypes.DoubleType)).as("weekly_cost"),
                col("COST_FROM").as("raw_from"), col("COST_TO").as("raw_to"),
                Dates903.parse(col("COST_FROM")).as("cost_from"),
                Dates903.parse(col("COST_TO")).as("cost_to"));
        Column reason = when(col("fields_ok").unary_$bang(), lit("bad_row"))
                .when(col("la").isNull().or(col("child").isNull()).or(col("provider_id").isNull())
                        .or(Dates903.present(col("raw_cost")).unary_$bang())
                        .or(Dates903.present(col("raw_from")).unary_$bang()), lit("missing_key"))
                .when(col("cost_from").isNull()
                        .or(Dates903.present(col("raw_to")).and(col("cost_to").isNull())), lit("bad_date"))
                .when(col("cost_to").lt(col("cost_from")), lit("bad_period"))
                .when(col("weekly_cost").isNull(), lit("bad_cost"))
                .when(col("weekly_cost").lt(0), lit("negative_cost"))
                .when(col("contract").isin(CONTRACTS.toArray()).unary_$bang().or(col("contract").isNull()),
                        lit("bad_code"));
        return typed.select(col("file"), col("line"), col("la"), col("child"), col("provider_id"),
                col("provider_name"), col("contract"), col("weekly_cost"), col("cost_from"), col("cost_to"),
                reason.as("reject_reason"));
    }

    /**
     * Adds {@code unknown_child} and {@code overlap} to the typed lines, and each surviving line's
     * {@code previous_weekly_cost}.
     *
     * @param known the children the 903 knows ({@link OperationalRows#knownChildren})
     */
    public static Dataset<Row> build(Dataset<Row> typed, Dataset<Row> known) {
        Dataset<Row> checked = typed
                .join(known.withColumn("known", lit(true)),
                        new String[] {"la", "child"}, "left")
                .withColumn("reject_reason", when(col("reject_reason").isNull().and(col("known").isNull()),
                        lit("unknown_child")).otherwise(col("reject_reason")))
                .drop("known");

        // A line overlaps another of its child when it starts on or before the latest end of the lines
        // sorted before it, or ends on or after the start of the next one (windows, not a self-join).
        Column end = coalesce(col("cost_to"), lit(OPEN_END).cast(DataTypes.DateType));
        WindowSpec byStart = Window.partitionBy(col("la"), col("child"))
                .orderBy(col("cost_from"), end, col("file"), col("line"));
        Column latestEndBefore = max(end).over(byStart.rowsBetween(Window.unboundedPreceding(), -1));
        Column nextStart = lead(col("cost_from"), 1).over(byStart);
        Dataset<Row> valid = checked.where(col("reject_reason").isNull())
                .withColumn("overlaps", coalesce(col("cost_from").leq(latestEndBefore), lit(false))
                        .or(coalesce(end.geq(nextStart), lit(false))));
        Dataset<Row> survivors = valid.where(col("overlaps").unary_$bang()).drop("overlaps");
        Dataset<Row> overlapping = valid.where(col("overlaps"))
                .withColumn("reject_reason", lit("overlap"))
                .withColumn("previous_weekly_cost", lit(null).cast(DataTypes.DoubleType))
                .drop("overlaps");

        WindowSpec survivorsByStart = Window.partitionBy(col("la"), col("child")).orderBy(col("cost_from"));
        Dataset<Row> withPrevious = survivors
                .withColumn("previous_provider", lag(col("provider_id"), 1).over(survivorsByStart))
                .withColumn("previous_weekly_cost", when(col("previous_provider").equalTo(col("provider_id")),
                        lag(col("weekly_cost"), 1).over(survivorsByStart)))
                .drop("previous_provider");
        Dataset<Row> rejected = checked.where(col("reject_reason").isNotNull())
                .withColumn("previous_weekly_cost", lit(null).cast(DataTypes.DoubleType));
        return withPrevious.unionByName(overlapping).unionByName(rejected);
    }

    /** The rejected lines for the shared quarantine: la, source, file, line, reason. */
    public static Dataset<Row> rejects(Dataset<Row> lines) {
        return OperationalRows.rejects(lines, SOURCE);
    }
}
