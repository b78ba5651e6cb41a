package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * A {@code YEAR} column's value read as file names are (counting-rules §1): {@code 2022}, or a span
 * {@code 2021-22}, {@code 2021_22}, {@code 202122} meaning its later year. Anything else is null.
 */
public final class ReturnYear {
    private static final String YEAR = "^((?:19|20)[0-9]{2})$";
    private static final String SPAN = "^((?:19|20)[0-9]{2})[-_/]?([0-9]{2})$";

    private ReturnYear() {
    }

    public static Column of(Column raw) {
        Column text = regexp_replace(raw, "\\s+", "");
        Column first = regexp_extract(text, SPAN, 1).cast(DataTypes.IntegerType);
        Column second = regexp_extract(text, SPAN, 2).cast(DataTypes.IntegerType);
        return when(text.rlike(YEAR), text.cast(DataTypes.IntegerType))
                .when(text.rlike(SPAN).and(first.plus(1).mod(100).equalTo(second)), first.plus(1))
                .otherwise(lit(null).cast(DataTypes.IntegerType));
    }
}
