package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Dates as 903 files write them (counting-rules §2): {@code dd/mm/yyyy}, {@code yyyy-mm-dd} or
 * {@code dd/mm/yy}, where a two-digit year 00-69 is 20xx and 70-99 is 19xx (Spark's own {@code yy}
 * pivots differently, so those are built by hand). Anything else, or an impossible day such as
 * 31/02, is null: callers tell blank from bad by looking at the raw text.
 */
public final class Dates903 {
    private static final String DMY = "^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$";
    private static final String ISO = "^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$";
    private static final String DMY_SHORT = "^([0-9]{1,2})/([0-9]{1,2})/([0-9]{2})$";

    private Dates903() {
    }

    public static Column parse(Column raw) {
        Column text = trim(raw);
        Column shortYear = regexp_extract(text, DMY_SHORT, 3).cast(DataTypes.IntegerType);
        Column century = when(shortYear.lt(70), lit(2000)).otherwise(lit(1900));
        return when(text.rlike(DMY), to_date(text, "d/M/yyyy"))
                .when(text.rlike(ISO), to_date(text, "yyyy-M-d"))
                .when(text.rlike(DMY_SHORT), make_date(century.plus(shortYear),
                        regexp_extract(text, DMY_SHORT, 2).cast(DataTypes.IntegerType),
                        regexp_extract(text, DMY_SHORT, 1).cast(DataTypes.IntegerType)))
                .otherwise(lit(null).cast(DataTypes.DateType));
    }

    /** The collection year (ending 31 March) that contains a date. */
    public static Column collectionYear(Column date) {
        return when(month(date).geq(4), year(date).plus(1)).otherwise(year(date));
    }

    /** True when the raw text holds something (so a null parse means a bad date, not a blank one). */
    public static Column present(Column raw) {
        return raw.isNotNull().and(trim(raw).notEqual(""));
    }
}
