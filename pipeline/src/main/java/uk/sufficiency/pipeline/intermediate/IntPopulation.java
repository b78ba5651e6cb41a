package uk.sufficiency.pipeline.intermediate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * 0-17 population by area and calendar year, from the simple file (LA, YEAR, POPULATION_0_17) or
 * DfE's published ONS file, whose LAs are matched by name, old code or new code. Output: area
 * (upper-case), calendar_year, population_0_17.
 */
public final class IntPopulation {
    private IntPopulation() {
    }

    public static Dataset<Row> build(Dataset<Row> simple, Dataset<Row> dfe) {
        Dataset<Row> fromSimple = simple.select(
                upper(trim(col("LA"))).as("area"),
                trim(col("YEAR")).cast(DataTypes.IntegerType).as("calendar_year"),
                trim(col("POPULATION_0_17")).cast(DataTypes.LongType).as("population_0_17"));
        Column names = array(trim(col("LA_NAME")), trim(col("OLD_LA_CODE")), trim(col("NEW_LA_CODE")));
        Dataset<Row> fromDfe = dfe
                .where(lower(trim(col("GEOGRAPHIC_LEVEL"))).equalTo("local authority")
                        .and(trim(col("AGE_GROUP")).rlike("(?i)^children aged 0 to 17( years)?$")))
                .select(explode(names).as("name"),
                        trim(col("TIME_PERIOD")).cast(DataTypes.IntegerType).as("calendar_year"),
                        trim(col("POPULATION_ESTIMATE")).cast(DataTypes.LongType).as("population_0_17"))
                .select(upper(col("name")).as("area"), col("calendar_year"), col("population_0_17"));
        return fromSimple.unionByName(fromDfe)
                .where(col("area").isNotNull().and(col("area").notEqual(""))
                        .and(col("calendar_year").isNotNull()).and(col("population_0_17").isNotNull()))
                .groupBy(col("area"), col("calendar_year"))
                .agg(max(col("population_0_17")).as("population_0_17"));
    }
}
