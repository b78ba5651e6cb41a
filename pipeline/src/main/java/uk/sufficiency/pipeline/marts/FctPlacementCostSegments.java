package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.sufficiency.pipeline.intermediate.IntPlacementCosts;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import uk.sufficiency.pipeline.intermediate.Pseudonym;

/**
 * The {@code placement_cost_segments} fact (inputs.md §2): each surviving cost line's covered days
 * inside its LA's data window, cut where the child's active 903 episode changes. A segment is a run
 * of days (seg_from to seg_to, both inclusive) attributed to one episode, taking its category, PLACE
 * and PLACE_PROVIDER, or to none ({@code unlinked}). Episodes count as in counting-rules §6 (active
 * on d when DECOM ≤ d and (DEC blank or DEC > d)) with short breaks (V3/V4) included. Intervals are
 * intersected, never exploded into days: a child's repaired episodes never overlap, so a line's
 * segments never do either.
 *
 * <p>Columns: la, child (pseudonymised), cost_line (an opaque id of the line), provider_id,
 * provider_name, contract, weekly_cost, cost_from, cost_to (the line as it came, cost_to null while
 * ongoing), previous_weekly_cost, seg_from, seg_to, category, placement, provider.
 */
public final class FctPlacementCostSegments {
    private FctPlacementCostSegments() {
    }

    /**
     * @param lines    surviving cost lines ({@code IntPlacementCosts.build} without a reject reason)
     * @param repaired the repaired episodes (child ids as they came)
     * @param laWindow la, first_year, last_year
     */
    public static Dataset<Row> build(Dataset<Row> lines, Dataset<Row> repaired, Dataset<Row> laWindow, String secret) {
        Dataset<Row> clipped = inWindow(lines, laWindow)
                .where(col("line_from").leq(col("line_to")))
                .withColumn("cost_line", Pseudonym.of(secret, col("la"),
                        concat_ws("\u0000", col("file"), col("line").cast(DataTypes.StringType))));

        // The days each episode is active: DECOM to the day before DEC (open: without end).
        // Columns renamed so the join needs no dataset-qualified references (both sides descend from the episodes).
        Dataset<Row> episodes = repaired.select(col("la").as("ep_la"), col("child").as("ep_child"),
                col("decom").as("ep_from"), date_sub(col("dec"), 1).as("ep_to"),
                col("placement").as("ep_placement"), col("provider").as("ep_provider"),
                PlacementCategory.of(col("placement"), col("provider")).as("ep_category"));
        Dataset<Row> linked = clipped.join(episodes, col("la").equalTo(col("ep_la"))
                        .and(col("child").equalTo(col("ep_child")))
                        .and(col("ep_from").leq(col("line_to")))
                        .and(col("ep_to").isNull().or(col("ep_to").geq(col("line_from")))))
                .withColumnRenamed("ep_placement", "placement")
                .withColumnRenamed("ep_provider", "provider")
                .withColumnRenamed("ep_category", "category")
                .withColumn("seg_from", greatest(col("line_from"), col("ep_from")))
                .withColumn("seg_to", least(col("line_to"), coalesce(col("ep_to"), col("line_to"))))
                // A repaired close can fall before DECOM (a return labelled a year early): no active day.
                .where(col("seg_from").leq(col("seg_to")))
                .drop("ep_la", "ep_child", "ep_from", "ep_to");

        // Days of a line no episode covers: before its first segment, between segments, after its last,
        // or the whole line when it has none.
        Column previousEnd = lag(col("seg_to"), 1).over(Window.partitionBy(col("cost_line")).orderBy(col("seg_from")));
        Dataset<Row> gapsBefore = linked
                .withColumn("gap_from", coalesce(date_add(previousEnd, 1), col("line_from")))
                .withColumn("gap_to", date_sub(col("seg_from"), 1))
                .where(col("gap_from").leq(col("gap_to")))
                .select(col("cost_line"), col("gap_from"), col("gap_to"));
        Dataset<Row> gapsAfter = linked.groupBy(col("cost_line")).agg(max(col("seg_to")).as("last_to"))
                .join(clipped.select(col("cost_line"), col("line_to")), "cost_line")
                .where(col("last_to").lt(col("line_to")))
                .select(col("cost_line"), date_add(col("last_to"), 1).as("gap_from"), col("line_to").as("gap_to"));
        Dataset<Row> wholeLines = clipped.join(linked.select(col("cost_line")).distinct(), new String[] {"cost_line"},
                        "left_anti")
                .select(col("cost_line"), col("line_from").as("gap_from"), col("line_to").as("gap_to"));
        Dataset<Row> unlinked = gapsBefore.unionByName(gapsAfter).unionByName(wholeLines)
                .join(clipped, "cost_line")
                .select(segmentColumnsOfGap());
        Dataset<Row> segments = select(linked).unionByName(unlinked);
        return segments.withColumn("child", Pseudonym.of(secret, col("la"), col("child")));
    }

    /**
     * Warnings for the data-quality fact (source {@code placement_costs}): {@code cost_days_outside_window}
     * (covered days before the window's first day, or after its last day on a line that has an end;
     * an ongoing line's days are counted only up to the end of the data) and {@code cost_unlinked_days}
     * (covered days in the window with no active episode). Counts are days.
     */
    public static Dataset<Row> warnings(Dataset<Row> lines, Dataset<Row> laWindow, Dataset<Row> segments) {
        Dataset<Row> windowed = inWindow(lines, laWindow);
        Column before = when(col("cost_from").lt(col("window_from")),
                datediff(least(coalesce(col("cost_to"), col("window_from")), date_sub(col("window_from"), 1)),
                        col("cost_from")).plus(1)).otherwise(lit(0));
        Column after = when(col("cost_to").gt(col("window_to")),
                datediff(col("cost_to"), greatest(col("cost_from"), date_add(col("window_to"), 1))).plus(1))
                .otherwise(lit(0));
        Dataset<Row> outside = windowed
                .select(col("la"), before.plus(after).cast(DataTypes.LongType).as("days"))
                .groupBy(col("la")).agg(sum(col("days")).as("count"))
                .where(col("count").gt(0))
                .select(col("la"), lit(IntPlacementCosts.SOURCE).as("source"), lit("cost_days_outside_window").as("warning"),
                        col("count"));
        Dataset<Row> unlinkedDays = segments.where(col("category").equalTo("unlinked"))
                .select(col("la"), datediff(col("seg_to"), col("seg_from")).plus(1).cast(DataTypes.LongType).as("days"))
                .groupBy(col("la")).agg(sum(col("days")).as("count"))
                .select(col("la"), lit(IntPlacementCosts.SOURCE).as("source"), lit("cost_unlinked_days").as("warning"),
                        col("count"));
        return outside.unionByName(unlinkedDays);
    }

    /** Lines of LAs with a data window, with window_from, window_to and the line's days inside it. */
    private static Dataset<Row> inWindow(Dataset<Row> lines, Dataset<Row> laWindow) {
        Dataset<Row> windows = laWindow.select(col("la"),
                make_date(col("first_year").minus(1), lit(4), lit(1)).as("window_from"),
                make_date(col("last_year"), lit(3), lit(31)).as("window_to"));
        return lines.join(broadcast(windows), "la")
                .withColumn("line_from", greatest(col("cost_from"), col("window_from")))
                .withColumn("line_to", least(coalesce(col("cost_to"), col("window_to")), col("window_to")));
    }

    private static Column[] segmentColumnsOfGap() {
        return new Column[] {col("la"), col("child"), col("cost_line"), col("provider_id"), col("provider_name"),
                col("contract"), col("weekly_cost"), col("cost_from"), col("cost_to"), col("previous_weekly_cost"),
                col("gap_from").as("seg_from"), col("gap_to").as("seg_to"), lit("unlinked").as("category"),
                lit(null).cast(DataTypes.StringType).as("placement"), lit(null).cast(DataTypes.StringType).as("provider")};
    }

    private static Dataset<Row> select(Dataset<Row> linked) {
        return linked.select(col("la"), col("child"), col("cost_line"), col("provider_id"), col("provider_name"),
                col("contract"), col("weekly_cost"), col("cost_from"), col("cost_to"), col("previous_weekly_cost"),
                col("seg_from"), col("seg_to"), col("category"), col("placement"), col("provider"));
    }
}
