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
import uk.sufficiency.warehouse.forecast.AgeBand;

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
        return birthdayAfter(dob, lit(years - 1));
    }

    /** The first birthday after a date on which the child was {@code age}: the day they turn age + 1. */
    static Column birthdayAfter(Column dob, Column age) {
        Column y = year(dob).plus(age).plus(1);
        return when(month(dob).equalTo(2).and(dayofmonth(dob).equalTo(29)), date_add(make_date(y, lit(2), lit(28)), 1))
                .otherwise(make_date(y, month(dob), dayofmonth(dob)));
    }

    /** DfE's age bands, as {@code cla_month_end} gives them, from the warehouse's one definition. */
    static Column band(Column age) {
        AgeBand[] bands = AgeBand.values();
        Column band = when(age.isNull(), lit(AgeBand.UNKNOWN));
        for (int i = 0; i < bands.length - 1; i++) {
            band = band.when(age.lt(bands[i + 1].fromAge()), lit(bands[i].label()));
        }
        return band.otherwise(lit(bands[bands.length - 1].label()));
    }
}
