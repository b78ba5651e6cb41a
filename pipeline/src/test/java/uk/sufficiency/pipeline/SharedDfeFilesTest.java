package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.Warehouse;

/**
 * DfE's published files in ../shared/data/dfe read as they come, with a one-child 903 return for
 * Lancashire (2024-25) so the comparison view has an LA. Expected values were looked up by hand in
 * the files. Skipped, with a message, when ../shared is absent.
 */
class SharedDfeFilesTest {
    private static final List<String> FILES = List.of("cla_number_and_rate_per_10k_children.csv",
            "sn_model_2025_wide.csv", "New_Statistical_Neighbour_Groupings_April_2021.csv",
            "ons_mid-year_population_estimates_2012_to_2024.csv");

    @TempDir
    Path temp;

    private static List<List<Object>> rows(Warehouse warehouse, String sql) {
        return warehouse.query(sql).stream().map(r -> (List<Object>) new ArrayList<>(r.values())).toList();
    }

    private static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void publishedBenchmarksAndNeighbourModels() throws Exception {
        Path dfe = Path.of(System.getProperty("shared.dir", "../shared"), "data", "dfe");
        assumeTrue(Files.isDirectory(dfe), "../shared/data/dfe is absent: DfE files test skipped");
        Path input = Files.createDirectories(temp.resolve("in/dfe"));
        for (String name : FILES) {
            Files.createSymbolicLink(input.resolve(name), dfe.toAbsolutePath().resolve(name));
        }
        Path returns = Files.createDirectories(temp.resolve("in/2024-25"));
        Files.writeString(returns.resolve("episodes.csv"),
                "LA,CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                        + "Lancashire,1,01/04/2024,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,\n");
        Files.writeString(returns.resolve("header.csv"),
                "LA,CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nLancashire,1,1,01/01/2015,WBRI,,,\n");
        PipelineRun.run(TestSpark.session(), new RunOptions(temp.resolve("in"), temp.resolve("warehouse"), null, null),
                Progress.SILENT);
        try (Warehouse warehouse = Warehouse.openCurrent(temp.resolve("warehouse"))) {
            // England at 31 March 2025: 81,770 children, 67 per 10,000.
            assertEquals(List.of(list(81770L, 67.0)), rows(warehouse, """
                    SELECT children, rate_per_10000 FROM benchmark_rates
                    WHERE area_type = 'england' AND year = 2025 AND measure = 'looked_after_31_march'"""));
            // Lancashire at 31 March 2022: 1,934 children, 77 per 10,000.
            assertEquals(List.of(list("888", "E10000017", "North West", 1934L, 77.0)), rows(warehouse, """
                    SELECT area_code_old, area_code_new, region, children, rate_per_10000 FROM benchmark_rates
                    WHERE area = 'Lancashire' AND year = 2022 AND measure = 'looked_after_31_march'"""));
            // City of London 2025 is suppressed: "c".
            assertEquals(List.of(list(null, null, "c")), rows(warehouse, """
                    SELECT children, rate_per_10000, marker FROM benchmark_rates
                    WHERE area = 'City of London' AND year = 2025 AND measure = 'looked_after_31_march'"""));
            // Lancashire's ten neighbours in the 2025 model, and in the 2021 model (repeated SNP columns).
            assertEquals(List.of(list("925", "Lincolnshire"), list("351", "Bury"), list("332", "Dudley"),
                    list("884", "Herefordshire, County of"), list("841", "Darlington"), list("808", "Stockton-on-Tees"),
                    list("384", "Wakefield"), list("891", "Nottinghamshire"), list("929", "Northumberland"),
                    list("359", "Wigan")), rows(warehouse, """
                    SELECT neighbour_code, neighbour_name FROM statistical_neighbours
                    WHERE la_code = '888' AND model = '2025' ORDER BY rank"""));
            assertEquals(List.of(list("891", "Nottinghamshire", "Extremely Close"), list("381", "Calderdale", "Extremely Close"),
                    list("830", "Derbyshire", "Extremely Close"), list("343", "Sefton", "Very Close"),
                    list("351", "Bury", "Very Close"), list("808", "Stockton-on-Tees", "Very Close"),
                    list("886", "Kent", "Very Close"), list("860", "Staffordshire", "Very Close"),
                    list("359", "Wigan", "Very Close"), list("896", "Cheshire West and Chester", "Very Close")),
                    rows(warehouse, """
                            SELECT neighbour_code, neighbour_name, closeness FROM statistical_neighbours
                            WHERE la_name = 'Lancashire' AND model = '2021' ORDER BY rank"""));
            // 2025 neighbours' rates: 54, 82, 81, 100, 117, 125, 89, 53, 77, 91: mean 86.9, median (82 + 89) / 2.
            // Own rate: 1 child / 261,392 (ONS 2024) = 0.0, against DfE's published 1,699 children and 65 for
            // Lancashire: far outside the margin, so it is ranked on DfE's 65, not on 0.0 (which would be the
            // lowest of 151). 67 of the other 150 LAs with a published 2025 rate are below 65: rank 68 of 151,
            // position 67 / 151 = 0.44, band B.
            assertEquals(List.of(list(0.0, 65.0, 67.0, "North West", 90.0, 86.9, 85.5, 10L, "2025", 68, 151, "B",
                            1L, 1699L, "differs", "published")),
                    rows(warehouse, """
                            SELECT la_rate, dfe_la_rate, england_rate, region, region_rate, sn_mean, sn_median, sn_count,
                                   sn_model, rank, las_ranked, quartile_band, la_children, dfe_la_children, dfe_check,
                                   ranked_on
                            FROM benchmark_comparison WHERE la = 'Lancashire' AND measure = 'looked_after_31_march'"""));
            // DfE's files as they come raise no reference warnings.
            assertEquals(List.of(), rows(warehouse,
                    "SELECT * FROM data_quality WHERE source IN ('benchmarks', 'statistical_neighbours', 'kpi_targets')"));
        }
    }
}
