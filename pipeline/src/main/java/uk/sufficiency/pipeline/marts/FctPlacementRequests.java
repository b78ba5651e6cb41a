package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import uk.sufficiency.pipeline.intermediate.Dates903;
import uk.sufficiency.pipeline.intermediate.IntPlacementRequests;
import uk.sufficiency.pipeline.intermediate.Pseudonym;

/**
 * The {@code placement_requests} fact: one row per surviving request (inputs.md §3), child
 * pseudonymised, with the figures commissioners read from it: the financial year and quarter of
 * RECEIVED, age on RECEIVED from the Header DOB (counting-rules §6) and its DfE band, request group,
 * hard to find (SEARCHES ≥ 3 or RING_ROUND = Y), sibling group, days to outcome, and the category
 * of the home found (counting-rules §8) with the foster searches that ended in a children's home.
 */
public final class FctPlacementRequests {
    private FctPlacementRequests() {
    }

    /**
     * @param typed    {@link IntPlacementRequests#typed} rows (rejected ones are left out here)
     * @param children one Header row per child (la, child, dob, …), raw child ids
     */
    public static Dataset<Row> build(Dataset<Row> typed, Dataset<Row> children, String secret) {
        Dataset<Row> rows = typed.where(col("reject_reason").isNull())
                .join(children.select(col("la"), col("child"), col("dob")), new String[] {"la", "child"}, "left");
        Column received = col("received");
        Column age = ChildAge.on(col("dob"), received);
        Column month = month(received);
        Column requestGroup = IntPlacementRequests.requestGroup(col("request_type"));
        List<Column> out = new ArrayList<>(List.of(
                col("la"), col("request_id"),
                Pseudonym.of(secret, col("la"), col("child")).as("child"),
                received.as("received"),
                Dates903.collectionYear(received).cast(DataTypes.IntegerType).as("year"),
                when(month.between(4, 6), lit("Q1")).when(month.between(7, 9), lit("Q2"))
                        .when(month.between(10, 12), lit("Q3")).otherwise(lit("Q4")).as("quarter"),
                col("request_type"), requestGroup.as("request_group"),
                age.as("age"), ChildAge.band(age).as("age_band"),
                col("urgency"), col("siblings"),
                coalesce(col("siblings"), lit(0)).geq(1).as("sibling_group"),
                col("searches"), col("ring_round"), col("offers"),
                col("searches").geq(3).or(coalesce(col("ring_round"), lit(false))).as("hard_to_find"),
                col("solo_requested"), col("location_required")));
        for (String need : IntPlacementRequests.NEEDS) {
            out.add(col("need_" + need));
        }
        out.addAll(List.of(
                col("outcome"), col("outcome_date"),
                when(col("outcome").notEqual("open").and(col("outcome_date").isNotNull()),
                        datediff(col("outcome_date"), received)).cast(DataTypes.IntegerType).as("days_to_outcome"),
                col("placed_place"), col("placed_provider"),
                PlacementCategory.of(col("placed_place"), col("placed_provider")).as("placed_category"),
                requestGroup.equalTo("fostering").and(col("outcome").equalTo("placed"))
                        .and(coalesce(col("placed_place").isin("K2", "R1"), lit(false))).as("foster_ended_in_home"),
                col("weekly_cost")));
        return rows.select(out.toArray(Column[]::new));
    }
}
