package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * How the inputs beside the 903 (placement requests, capacity) write their values: lower-case codes
 * ({@code step_down_foster}), {@code Y}/{@code N} flags, whole numbers (counts of searches, beds)
 * and pounds. Each reader returns null for a blank and for a bad value alike; callers tell the two
 * apart with {@link Dates903#present} on the raw text.
 */
public final class OperationalValues {
    private static final String WHOLE = "^[0-9]{1,9}(\\.0+)?$";
    private static final String MONEY = "^[0-9]{1,12}(\\.[0-9]+)?$";

    private OperationalValues() {
    }

    /** The LA of a row: its {@code LA} value, else the run's {@code --la}; a misread line's only {@code --la}. */
    public static Column la(String defaultLa) {
        Column raw = trim(col("LA"));
        return when(col("fields_ok"), coalesce(when(raw.notEqual(""), raw), lit(defaultLa)))
                .otherwise(lit(defaultLa)).cast(DataTypes.StringType);
    }

    /** Trimmed text, blank as null (ids such as REQUEST_ID and CHILD: compared exactly, case kept). */
    public static Column text(Column raw) {
        Column value = trim(raw);
        return when(value.notEqual(""), value).otherwise(lit(null).cast(DataTypes.StringType));
    }

    /** A code of the lower-case lists of inputs.md §3-§4: trimmed, lower-case, blank as null. */
    public static Column code(Column raw) {
        Column value = lower(trim(raw));
        return when(value.notEqual(""), value).otherwise(lit(null).cast(DataTypes.StringType));
    }

    /** {@code Y} true, {@code N} false (any case, trimmed); blank or anything else null. */
    public static Column flag(Column raw) {
        Column value = upper(trim(raw));
        return when(value.equalTo("Y"), lit(true)).when(value.equalTo("N"), lit(false))
                .otherwise(lit(null).cast(DataTypes.BooleanType));
    }

    /** True when a flag holds something that is neither Y nor N. */
    public static Column badFlag(Column raw) {
        return Dates903.present(raw).and(flag(raw).isNull());
    }

    /** A whole number ≥ 0 ({@code 3}, {@code 3.0}); negative, fractional or text is null. */
    public static Column whole(Column raw) {
        Column value = trim(raw);
        return when(value.rlike(WHOLE), value.cast(DataTypes.DoubleType).cast(DataTypes.IntegerType))
                .otherwise(lit(null).cast(DataTypes.IntegerType));
    }

    /** True when a whole-number field holds something that is not one. */
    public static Column badWhole(Column raw) {
        return Dates903.present(raw).and(whole(raw).isNull());
    }

    /** Pounds ≥ 0, with an optional leading £ and thousands separators; anything else is null. */
    public static Column money(Column raw) {
        Column value = regexp_replace(regexp_replace(trim(raw), "^£", ""), ",", "");
        return when(value.rlike(MONEY), value.cast(DataTypes.DoubleType))
                .otherwise(lit(null).cast(DataTypes.DoubleType));
    }

    public static Column badMoney(Column raw) {
        return Dates903.present(raw).and(money(raw).isNull());
    }
}
