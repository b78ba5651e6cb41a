package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** The placement category of an episode from PLACE and PLACE_PROVIDER (counting-rules §8). */
public final class PlacementCategory {
    private PlacementCategory() {
    }

    public static Column of(Column place, Column provider) {
        Column fostering = place.isin("U4", "U5", "U6");
        Column home = place.isin("K2", "R1");
        Column inHouse = provider.equalTo("PR1");
        Column agency = provider.isin("PR4", "PR5");
        return when(place.isin("U1", "U2", "U3"), lit("foster_kinship"))
                .when(fostering.and(inHouse), lit("foster_inhouse"))
                .when(fostering.and(agency), lit("foster_ifa"))
                .when(fostering, lit("foster_other"))
                .when(home.and(inHouse), lit("home_inhouse"))
                .when(home.and(agency), lit("home_agency"))
                .when(home, lit("home_other"))
                .when(place.equalTo("K1"), lit("secure"))
                .when(place.isin("H5", "P2", "K3"), lit("supported"))
                .when(place.equalTo("P1"), lit("with_parents"))
                .when(place.isin("A3", "A4", "A5", "A6"), lit("adoption"))
                .when(place.equalTo("S1"), lit("residential_school"))
                .when(place.equalTo("R3"), lit("family_centre"))
                .when(place.isin("R2", "R5", "P3"), lit("other_residential"))
                .when(place.isin("T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14"), lit("other"));
    }
}
