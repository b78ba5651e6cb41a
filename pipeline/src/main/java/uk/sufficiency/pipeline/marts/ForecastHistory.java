package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.sufficiency.warehouse.forecast.AgeBand;
import uk.sufficiency.warehouse.forecast.PlacementGroup;

/**
 * What the forecast is fitted on, aggregated by month so that any reference period of whole months
 * is a sum: the {@code forecast_flows} fact (children changing state: entering care, moving between
 * placement groups, moving up an age band on a birthday, leaving care or ageing out at 18) and the
 * {@code forecast_stock} fact (children in each state at the month end and child-days spent in it).
 * A state is age band × placement group. Short breaks (V3/V4) never count (counting-rules §6);
 * children without a DOB cannot be placed in an age band and are left out (the data-quality page
 * already counts them). Only rows inside the LA's data window count. No row here names a child.
 */
public final class ForecastHistory {
    /** Where a child comes from when entering care, and goes to when leaving it. */
    public static final String NOT_IN_CARE = "not_in_care";
    public static final String LEFT_CARE = "left_care";
    public static final String AGED_OUT = "aged_out";

    private ForecastHistory() {
    }

    /**
     * la, month_end, from_age_band, from_group, to_age_band, to_group, children. Entries come from
     * {@code not_in_care} (no band); leavers go to {@code left_care} or, on or after the 18th
     * birthday, {@code aged_out} (no band).
     */
    public static Dataset<Row> flows(Dataset<Row> stays) {
        // A move on the window's first day comes from a state with no day in the window: the child
        // is simply in the starting stock. An entry that day is a change like any other.
        Column inWindow = col("decom").gt(col("window_start"))
                .or(col("decom").equalTo(col("window_start")).and(not(col("continues"))))
                .and(col("decom").leq(col("window_end")));
        Dataset<Row> arrivals = stays.where(inWindow).select(col("la"), col("decom").as("date"),
                when(col("continues"), ChildAge.band(ChildAge.on(col("dob"), date_add(col("decom"), -1))))
                        .as("from_age_band"),
                when(col("continues"), col("previous_group")).otherwise(lit(NOT_IN_CARE)).as("from_group"),
                ChildAge.band(ChildAge.on(col("dob"), col("decom"))).as("to_age_band"),
                col("placement_group").as("to_group"));
        Dataset<Row> birthdays = bandBirthdays(stays).select(col("la"), col("date"), col("from_age_band"),
                col("placement_group").as("from_group"), col("to_age_band"), col("placement_group").as("to_group"));
        Column leavingAge = ChildAge.on(col("dob"), col("dec"));
        Dataset<Row> leavers = stays.where(col("ends_care").and(col("dec").leq(col("window_end"))))
                .select(col("la"), col("dec").as("date"),
                        ChildAge.band(ChildAge.on(col("dob"), date_add(col("dec"), -1))).as("from_age_band"),
                        col("placement_group").as("from_group"), lit(null).cast(DataTypes.StringType).as("to_age_band"),
                        when(leavingAge.geq(AgeBand.LEAVING_AGE), lit(AGED_OUT)).otherwise(lit(LEFT_CARE)).as("to_group"));
        return arrivals.unionByName(birthdays).unionByName(leavers)
                // a move within a group on a day that is not a band birthday changes nothing
                .where(col("from_group").notEqual(col("to_group"))
                        .or(col("from_age_band").notEqual(col("to_age_band"))))
                .groupBy(col("la"), last_day(col("date")).as("month_end"), col("from_age_band"), col("from_group"),
                        col("to_age_band"), col("to_group"))
                .agg(count(lit(1)).as("children"));
    }

    /**
     * la, month_end, age_band, placement_group, children (looked after at the end of the month end,
     * counting-rules §6), child_days (days in the month × children looked after at the end of each).
     * Every state of every month of the window has a row, zeros included.
     */
    public static Dataset<Row> stock(Dataset<Row> stays, Dataset<Row> laWindow) {
        // +1 on the first day in a state, -1 on the first day out of it: stock at the end of day D is
        // the sum of changes dated D or before.
        Dataset<Row> starts = stays.select(col("la"), col("start").as("date"),
                ChildAge.band(ChildAge.on(col("dob"), col("start"))).as("age_band"), col("placement_group"),
                lit(1).as("change"));
        Dataset<Row> ends = stays.where(col("end").leq(col("window_end"))).select(col("la"), col("end").as("date"),
                ChildAge.band(ChildAge.on(col("dob"), date_add(col("end"), -1))).as("age_band"), col("placement_group"),
                lit(-1).as("change"));
        Dataset<Row> birthdays = bandBirthdays(stays);
        Dataset<Row> changes = starts.unionByName(ends)
                .unionByName(birthdays.select(col("la"), col("date"), col("from_age_band").as("age_band"),
                        col("placement_group"), lit(-1).as("change")))
                .unionByName(birthdays.select(col("la"), col("date"), col("to_age_band").as("age_band"),
                        col("placement_group"), lit(1).as("change")));
        Dataset<Row> byMonth = changes.groupBy(col("la"), last_day(col("date")).as("month_end"), col("age_band"),
                        col("placement_group"))
                .agg(sum(col("change")).as("net"),
                        sum(col("change").multiply(datediff(last_day(col("date")), col("date")).plus(1))).as("weighted"));

        Dataset<Row> grid = laWindow.select(col("la"), explode(sequence(make_date(col("first_year").minus(1), lit(4), lit(1)),
                        make_date(col("last_year"), lit(3), lit(1)), expr("INTERVAL 1 MONTH"))).as("month"))
                .select(col("la"), last_day(col("month")).as("month_end"))
                .crossJoin(states(stays.sparkSession()));
        WindowSpec upToMonth = Window.partitionBy(col("la"), col("age_band"), col("placement_group"))
                .orderBy(col("month_end")).rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        return grid.join(byMonth, new String[] {"la", "month_end", "age_band", "placement_group"}, "left")
                .na().fill(0L, new String[] {"net", "weighted"})
                .withColumn("children", sum(col("net")).over(upToMonth))
                .select(col("la"), col("month_end"), col("age_band"), col("placement_group"),
                        col("children").cast(DataTypes.LongType).as("children"),
                        // days at the previous month end's stock, plus each change for the days left after it
                        col("children").minus(col("net")).multiply(dayofmonth(col("month_end"))).plus(col("weighted"))
                                .cast(DataTypes.LongType).as("child_days"));
    }

    /**
     * la, month_end, kind, placement_group, age, months_to_birthday, children: the forecast's
     * starting stock and entries by single year of age, so that the projection ages each child on
     * its birthday. {@code stock}: children looked after at the end of each month end, whose next
     * birthday falls {@code months_to_birthday} + 1 months on (0: in the next month); 18-year-olds
     * still in care count as 17 with a birthday next month. {@code entry}: children entering care in
     * the month, whose next birthday falls {@code months_to_birthday} months after the month of entry
     * (a birthday on the entry day itself counts as 11). Only rows with children are written.
     */
    public static Dataset<Row> ageMix(Dataset<Row> stays) {
        // months stepped from their firsts: a month added to 30 September is 30 October, not a month end
        Column month = explode(sequence(trunc(col("start"), "MM"), trunc(date_add(col("end"), -1), "MM"),
                expr("INTERVAL 1 MONTH")));
        Dataset<Row> stock = stays.select(col("la"), col("dob"), col("start"), col("end"), col("placement_group"),
                        month.as("month"))
                .withColumn("month_end", last_day(col("month")))
                .where(col("month_end").lt(col("end")))
                .select(col("la"), col("month_end"), lit("stock").as("kind"), col("placement_group"), col("dob"),
                        col("month_end").as("on"));
        Column entering = col("decom").geq(col("window_start")).and(col("decom").leq(col("window_end")))
                .and(not(col("continues")));
        Dataset<Row> entries = stays.where(entering)
                .select(col("la"), last_day(col("decom")).as("month_end"), lit("entry").as("kind"),
                        col("placement_group"), col("dob"), col("decom").as("on"));
        Column age = ChildAge.on(col("dob"), col("on"));
        Column nextBirthday = ChildAge.birthdayAfter(col("dob"), age);
        Column monthsOn = year(nextBirthday).multiply(12).plus(month(nextBirthday))
                .minus(year(col("on")).multiply(12).plus(month(col("on"))));
        Column months = when(col("kind").equalTo("stock"), monthsOn.minus(1)).otherwise(least(monthsOn, lit(11)));
        return stock.unionByName(entries)
                .select(col("la"), col("month_end"), col("kind"), col("placement_group"),
                        when(age.geq(AgeBand.LEAVING_AGE), lit(AgeBand.LEAVING_AGE - 1)).otherwise(age).as("age"),
                        when(age.geq(AgeBand.LEAVING_AGE), lit(0)).otherwise(months).as("months_to_birthday"))
                .groupBy("la", "month_end", "kind", "placement_group", "age", "months_to_birthday")
                .agg(count(lit(1)).as("children"));
    }

    /**
     * Each episode's time in care clipped to the data window, with its group and the facts about
     * its neighbours the flows need: la, dob, decom, dec, start, end (first day out, exclusive),
     * window_start, window_end, placement_group, previous_group, continues (the previous episode
     * ended the day this began), ends_care (no episode begins the day this one ends). Both facts
     * are built from it, so a run caches it.
     *
     * @param repaired surviving, repaired episodes with raw child ids (they never leave this job)
     * @param children one Header row per child (la, child, dob)
     */
    public static Dataset<Row> stays(Dataset<Row> repaired, Dataset<Row> children, Dataset<Row> laWindow) {
        WindowSpec byChild = Window.partitionBy(col("la"), col("child")).orderBy(col("decom"));
        Column windowStart = make_date(col("first_year").minus(1), lit(4), lit(1));
        Column windowEnd = make_date(col("last_year"), lit(3), lit(31));
        // An episode ending the day it starts is never in care at the end of a day (§6); dropped
        // before the neighbours are looked up, so it cannot hide the end of the one before it.
        return repaired.where(not(coalesce(col("legal_status").isin("V3", "V4"), lit(false)))
                        .and(col("dec").isNull().or(col("dec").gt(col("decom")))))
                .join(children.where(col("dob").isNotNull()).select(col("la"), col("child"), col("dob")),
                        new String[] {"la", "child"})
                .where(col("dob").leq(col("decom")))
                .join(laWindow, "la")
                .withColumn("category", PlacementCategory.of(col("placement"), col("provider")))
                .select(col("la"), col("child"), col("dob"), col("decom"), col("dec"),
                        expr(PlacementGroup.sqlOfCategory("category")).as("placement_group"),
                        lag(col("dec"), 1).over(byChild).as("previous_dec"),
                        lead(col("decom"), 1).over(byChild).as("next_decom"),
                        windowStart.as("window_start"), windowEnd.as("window_end"))
                .withColumn("previous_group", lag(col("placement_group"), 1).over(byChild))
                .withColumn("continues", coalesce(col("previous_dec").equalTo(col("decom")), lit(false)))
                .withColumn("ends_care", col("dec").isNotNull()
                        .and(coalesce(col("next_decom").notEqual(col("dec")), lit(true))))
                .withColumn("start", greatest(col("decom"), col("window_start")))
                .withColumn("end", least(coalesce(col("dec"), date_add(col("window_end"), 1)),
                        date_add(col("window_end"), 1)))
                .where(col("end").gt(col("start")));
    }

    /**
     * The birthdays on which a child in care moves up an age band (1, 5, 10, 16), strictly inside a
     * stay (a birthday on the first day is already in the starting band): la, date, placement_group,
     * from_age_band, to_age_band.
     */
    private static Dataset<Row> bandBirthdays(Dataset<Row> stays) {
        List<Column> parts = new ArrayList<>();
        AgeBand[] bands = AgeBand.values();
        for (int i = 1; i < bands.length; i++) {
            parts.add(struct(ChildAge.birthday(col("dob"), bands[i].fromAge()).as("date"),
                    lit(bands[i - 1].label()).as("from_age_band"), lit(bands[i].label()).as("to_age_band")));
        }
        return stays.select(col("la"), col("start"), col("end"), col("placement_group"),
                        explode(array(parts.toArray(Column[]::new))).as("b"))
                .where(col("b.date").gt(col("start")).and(col("b.date").lt(col("end"))))
                .select(col("la"), col("b.date").as("date"), col("placement_group"), col("b.from_age_band"),
                        col("b.to_age_band"));
    }

    private static Dataset<Row> states(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            for (PlacementGroup group : PlacementGroup.values()) {
                rows.add(RowFactory.create(band.label(), group.id()));
            }
        }
        return spark.createDataFrame(rows, new StructType()
                .add("age_band", DataTypes.StringType).add("placement_group", DataTypes.StringType));
    }
}
