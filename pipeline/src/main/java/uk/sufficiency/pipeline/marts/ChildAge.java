package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/** A child's age and DfE age band on a date (counting-rules §6). */
final class ChildAge {
    private ChildAge() {
    }

    /**
     * Completed years from dob to d: comparing (month, day) means a child born on 29 February turns
     * a year older on 1 March in other years. Null without a DOB or before it.
     */
    static Column on(Column dob, Column d) {
        Column beforeBirthday = month(d).multiply(100).plus(dayofmonth(d))
                .lt(month(dob).multiply(100).plus(dayofmonth(dob)));
        return when(dob.isNull().or(dob.gt(d)), lit(null).cast(DataTypes.IntegerType))
                .otherwise(year(d).minus(year(dob)).minus(when(beforeBirthday, lit(1)).otherwise(lit(0))))
                .cast(DataTypes.IntegerType);
    }

    /** The day a child turns {@code years}: 29 February birthdays fall on 1 March in other years. */
    static Column birthday(Column dob, int years) {
        Column y = year(dob).plus(years);
        return when(month(dob).equalTo(2).and(dayofmonth(dob).equalTo(29)), date_add(make_date(y, lit(2), lit(28)), 1))
                .otherwise(make_date(y, month(dob), dayofmonth(dob)));
    }

    /** DfE's age bands, as {@code cla_month_end} gives them. */
    static Column band(Column age) {
        return when(age.isNull(), lit("Unknown")).when(age.lt(1), lit("Under 1")).when(age.leq(4), lit("1 to 4"))
                .when(age.leq(9), lit("5 to 9")).when(age.leq(15), lit("10 to 15")).otherwise(lit("16 and over"));
    }
}
