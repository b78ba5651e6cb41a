package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Types every staged placement search request (inputs.md §3) and decides whether it is rejected.
 * Output: file, line, la, request_id, child (the 903 id, not yet pseudonymised), received,
 * request_type, urgency, siblings, searches, ring_round, offers, solo_requested, location_required,
 * need_* (one boolean per need, null when blank), outcome, outcome_date, placed_place,
 * placed_provider, weekly_cost and reject_reason (null for a row that survives), the first that
 * applies of:
 * <ol>
 * <li>{@code bad_row}: more fields than the header (the line was misread);</li>
 * <li>{@code duplicate_request}: the REQUEST_ID is used by another readable row of the same LA
 *     (every such row is rejected, one with a blank CHILD too);</li>
 * <li>{@code missing_key}: no LA, blank REQUEST_ID or blank CHILD;</li>
 * <li>{@code bad_date}: RECEIVED blank or not a date, or OUTCOME_DATE given but not a date;</li>
 * <li>{@code bad_code}: REQUEST_TYPE or OUTCOME blank or unknown, URGENCY given but unknown, or a
 *     Y/N flag holding anything else;</li>
 * <li>{@code bad_number}: SEARCHES blank, or SEARCHES, SIBLINGS or OFFERS not a whole number ≥ 0,
 *     or WEEKLY_COST not an amount ≥ 0;</li>
 * <li>{@code bad_period}: OUTCOME_DATE before RECEIVED;</li>
 * <li>{@code unknown_child}: the CHILD has no surviving episode and no Header row in the LA.</li>
 * </ol>
 */
public final class IntPlacementRequests {
    public static final String SOURCE = "placement_requests";
    public static final List<String> REQUEST_TYPES = List.of("task_centred_foster", "permanent_foster",
            "respite_foster", "parent_child_foster", "step_down_foster", "childrens_home", "supported_accommodation",
            "secure", "other");
    public static final List<String> OUTCOMES = List.of("placed", "withdrawn", "open");
    public static final List<String> URGENCIES = List.of("same_day", "within_5_days", "planned");
    /** The needs and risks a referral may name, as the suffixes of its NEED_ columns. */
    public static final List<String> NEEDS = List.of("emotional", "mental_health", "self_harm", "suicide",
            "aggression", "missing", "criminal", "send", "substance", "cse", "dols");

    private IntPlacementRequests() {
    }

    /** The raw Y/N columns: RING_ROUND, SOLO_REQUESTED, LOCATION_REQUIRED and the NEED_ columns. */
    private static List<String> flagColumns() {
        List<String> out = new ArrayList<>(List.of("RING_ROUND", "SOLO_REQUESTED", "LOCATION_REQUIRED"));
        NEEDS.forEach(n -> out.add("NEED_" + n.toUpperCase(Locale.ROOT)));
        return out;
    }

    /**
     * @param staged     the staged rows ({@code StgTables.load} of the requests table)
     * @param defaultLa  the run's {@code --la}, for rows without an LA value; may be null
     * @param known      the children the 903 knows ({@link OperationalRows#knownChildren})
     */
    public static Dataset<Row> typed(Dataset<Row> staged, String defaultLa, Dataset<Row> known) {
        List<Column> columns = new ArrayList<>(List.of(
                col("file"), col("line"), col("fields_ok"), OperationalValues.la(defaultLa).as("la"),
                OperationalValues.text(col("REQUEST_ID")).as("request_id"),
                OperationalValues.text(col("CHILD")).as("child"),
                Dates903.parse(col("RECEIVED")).as("received"),
                OperationalValues.code(col("REQUEST_TYPE")).as("request_type"),
                OperationalValues.code(col("URGENCY")).as("urgency"),
                OperationalValues.whole(col("SIBLINGS")).as("siblings"),
                OperationalValues.whole(col("SEARCHES")).as("searches"),
                OperationalValues.whole(col("OFFERS")).as("offers"),
                OperationalValues.code(col("OUTCOME")).as("outcome"),
                Dates903.parse(col("OUTCOME_DATE")).as("outcome_date"),
                Codes903.normalised(col("PLACED_PLACE")).as("placed_place"),
                Codes903.normalised(col("PLACED_PROVIDER")).as("placed_provider"),
                OperationalValues.money(col("WEEKLY_COST")).as("weekly_cost")));
        for (String flag : flagColumns()) {
            columns.add(OperationalValues.flag(col(flag)).as(flag.toLowerCase(Locale.ROOT)));
        }

        Column badFlag = lit(false);
        for (String flag : flagColumns()) {
            badFlag = badFlag.or(OperationalValues.badFlag(col(flag)));
        }
        columns.add(badFlag.as("bad_flag"));
        columns.add(Dates903.present(col("OUTCOME_DATE")).and(Dates903.parse(col("OUTCOME_DATE")).isNull())
                .as("bad_outcome_date"));
        columns.add(Dates903.present(col("URGENCY")).and(OperationalValues.code(col("URGENCY"))
                .isin(URGENCIES.toArray()).unary_$bang()).as("bad_urgency"));
        columns.add(col("SEARCHES").isNull().or(OperationalValues.whole(col("SEARCHES")).isNull())
                .or(OperationalValues.badWhole(col("SIBLINGS"))).or(OperationalValues.badWhole(col("OFFERS")))
                .or(OperationalValues.badMoney(col("WEEKLY_COST"))).as("bad_number"));
        Dataset<Row> typed = staged.select(columns.toArray(Column[]::new));

        // Every readable row with an LA and a REQUEST_ID takes part in the duplicate check, whatever else is
        // wrong with it (a blank CHILD included): inputs.md §3 rejects every row sharing the id.
        Column identified = col("fields_ok").and(col("la").isNotNull()).and(col("request_id").isNotNull());
        Column keyed = identified.and(col("child").isNotNull());
        Column sharing = sum(when(identified, lit(1)).otherwise(lit(0)))
                .over(Window.partitionBy(col("la"), col("request_id")));

        typed = typed.withColumn("sharing", sharing)
                .join(known.withColumn("known_child", lit(true)), new String[] {"la", "child"}, "left");

        Column reason = when(col("fields_ok").unary_$bang(), lit("bad_row"))
                .when(identified.and(col("sharing").gt(1)), lit("duplicate_request"))
                .when(keyed.unary_$bang(), lit("missing_key"))
                .when(col("received").isNull().or(col("bad_outcome_date")), lit("bad_date"))
                .when(col("request_type").isNull().or(col("request_type").isin(REQUEST_TYPES.toArray()).unary_$bang())
                        .or(col("outcome").isNull()).or(col("outcome").isin(OUTCOMES.toArray()).unary_$bang())
                        .or(col("bad_urgency")).or(col("bad_flag")), lit("bad_code"))
                .when(col("bad_number"), lit("bad_number"))
                .when(col("outcome_date").lt(col("received")), lit("bad_period"))
                .when(col("known_child").isNull(), lit("unknown_child"));

        List<Column> out = new ArrayList<>(List.of(col("file"), col("line"), col("la"), col("request_id"),
                col("child"), col("received"), col("request_type"), col("urgency"), col("siblings"), col("searches"),
                col("offers"), col("outcome"), col("outcome_date"), col("placed_place"), col("placed_provider"),
                col("weekly_cost")));
        for (String flag : flagColumns()) {
            out.add(col(flag.toLowerCase(Locale.ROOT)));
        }
        out.add(reason.as("reject_reason"));
        return typed.select(out.toArray(Column[]::new));
    }

    /** The rejected rows for the shared quarantine: la, source, file, line, reason. */
    public static Dataset<Row> rejects(Dataset<Row> typed) {
        return OperationalRows.rejects(typed, SOURCE);
    }

    /**
     * Warnings on surviving rows (la, source, warning, count): a placed or withdrawn request without
     * an OUTCOME_DATE ({@code missing_outcome_date}), an open one with one ({@code outcome_date_while_open}),
     * a placed one without PLACED_PLACE ({@code placed_without_home}), a PLACED_PLACE or PLACED_PROVIDER
     * that is not a 903 code ({@code unknown_placed_place}, {@code unknown_placed_provider}).
     */
    public static Dataset<Row> warnings(Dataset<Row> typed) {
        Column[] checks = {
                when(col("outcome").isin("placed", "withdrawn").and(col("outcome_date").isNull()),
                        lit("missing_outcome_date")),
                when(col("outcome").equalTo("open").and(col("outcome_date").isNotNull()),
                        lit("outcome_date_while_open")),
                when(col("outcome").equalTo("placed").and(col("placed_place").isNull()), lit("placed_without_home")),
                when(col("placed_place").isNotNull()
                        .and(Codes903.in(col("placed_place"), Codes903.PLACEMENTS).unary_$bang()),
                        lit("unknown_placed_place")),
                when(col("placed_provider").isNotNull()
                        .and(Codes903.in(col("placed_provider"), Codes903.PROVIDERS).unary_$bang()),
                        lit("unknown_placed_provider"))};
        return OperationalRows.warnings(typed, SOURCE, checks);
    }

    /** The type as the fact groups it: the five {@code *_foster} types are fostering. */
    public static Column requestGroup(Column requestType) {
        return when(requestType.endsWith("_foster"), lit("fostering"))
                .when(requestType.isin("childrens_home", "supported_accommodation", "secure"), requestType)
                .otherwise(lit("other")).cast(DataTypes.StringType);
    }
}
