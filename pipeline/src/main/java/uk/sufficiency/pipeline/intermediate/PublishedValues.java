package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Values as published statistics and hand-made reference files write them: numbers (with
 * thousands separators or a trailing {@code %}), or DfE's suppression and not-applicable markers
 * ({@code c}, {@code z}, {@code x}, {@code low}, {@code u}, {@code k}, …), which are kept as text
 * beside a null value, never read as zero.
 */
public final class PublishedValues {
    private static final String NUMBER = "^-?[0-9]+(\\.[0-9]+)?$";

    private PublishedValues() {
    }

    private static Column cleaned(Column raw) {
        return regexp_replace(regexp_replace(trim(raw), ",", ""), "%$", "");
    }

    /** The value as a number of the given type, or null when blank or a marker. */
    public static Column number(Column raw, DataType type) {
        Column text = cleaned(raw);
        return when(text.rlike(NUMBER), text.cast(type)).otherwise(lit(null).cast(type));
    }

    /** The text of a non-numeric, non-blank value ({@code c}, {@code z}, …), else null. */
    public static Column marker(Column raw) {
        Column text = trim(raw);
        return when(text.notEqual("").and(cleaned(raw).rlike(NUMBER).unary_$bang()), text)
                .otherwise(lit(null).cast(DataTypes.StringType));
    }

    /**
     * A collection year as published: {@code 2022}, or a span such as {@code 2021/22},
     * {@code 2021-22} or {@code 202122} (the later year, as counting-rules §1 reads file names);
     * anything else is null.
     */
    public static Column collectionYear(Column raw) {
        Column text = trim(raw);
        String span = "^((?:19|20)[0-9]{2})[-/_ ]?([0-9]{2})$";
        Column first = regexp_extract(text, span, 1).cast(DataTypes.IntegerType);
        Column second = regexp_extract(text, span, 2).cast(DataTypes.IntegerType);
        return when(text.rlike("^(19|20)[0-9]{2}$"), text.cast(DataTypes.IntegerType))
                .when(text.rlike(span).and(first.plus(1).mod(100).equalTo(second)), first.plus(1))
                .otherwise(lit(null).cast(DataTypes.IntegerType));
    }

    /** True for an old (three-digit) or new ({@code E10000017}) LA code. */
    public static Column isAreaCode(Column raw) {
        return trim(raw).rlike("^([0-9]{3}|[EeWw][0-9]{8})$");
    }
}
