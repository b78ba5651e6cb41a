package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sufficiency.warehouse.Warehouse;

/**
 * Flows in a collection year (counting-rules §7) and short breaks (§6) on a hand-made LA,
 * "Flowshire", with returns for 2021 and 2022 (window 1 April 2020 to 31 March 2022):
 * <pre>
 * child  episodes (DECOM..DEC, RNE, LS)                               rule shown
 * 5      01/05/2020..15/02/2021 S X1, 15/02/2021..20/03/2021 U E4A     2021: started, a move, ceased
 * 1      01/05/2021 S, 01/08/2021 P, 01/11/2021 " t " (open)          two moves; lower-case T is T
 * 2      01/06/2021 S, 10/01/2022 "b" (open)                          one move
 * 3      01/07/2021 S V3, 01/09/2021 U V3 (open)                      short breaks: no start, no move, no stock
 * 4      01/06/2021..30/09/2021 S V4 E8                               short breaks: not started, ceased or in stock
 * 6      01/10/2021 S, 01/12/2021..15/03/2022 L E11                   L (legal status only) is no move; ceased
 * </pre>
 */
class FlowsAndShortBreaksTest {
    private static final String EPISODES =
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
    private static Warehouse warehouse;

    @BeforeAll
    static void runPipeline() throws Exception {
        Path input = Files.createTempDirectory("flows-input");
        Files.writeString(input.resolve("episodes_2021.csv"), String.join("\n", EPISODES,
                "5,01/05/2020,S,C2,N1,U4,PR1,15/02/2021,X1,,AB1 1AA,AB2 2BB,",
                "5,15/02/2021,U,C1,N1,U5,PR1,20/03/2021,E4A,,AB1 1AA,AB2 2BB,") + "\n");
        Files.writeString(input.resolve("episodes_2022.csv"), String.join("\n", EPISODES,
                "1,01/05/2021,S,C2,N1,U4,PR1,01/08/2021,X1,,AB1 1AA,AB2 2BB,",
                "1,01/08/2021,P,C2,N1,U5,PR1,01/11/2021,X1,,AB1 1AA,AB2 2BB,",
                "1,01/11/2021, t ,C1,N1,K2,PR1,,,,AB1 1AA,AB2 2BB,",
                "2,01/06/2021,S,C2,N1,U4,PR1,10/01/2022,X1,,AB1 1AA,AB2 2BB,",
                "2,10/01/2022,b,C2,N1,U4,PR4,,,,AB1 1AA,AB2 2BB,",
                "3,01/07/2021,S,V3,N1,U4,PR1,01/09/2021,X1,,AB1 1AA,AB2 2BB,",
                "3,01/09/2021,U,V3,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,",
                "4,01/06/2021,S,V4,N1,U4,PR1,30/09/2021,E8,,AB1 1AA,AB2 2BB,",
                "6,01/10/2021,S,C2,N1,U4,PR1,01/12/2021,X1,,AB1 1AA,AB2 2BB,",
                "6,01/12/2021,L,C1,N1,U4,PR1,15/03/2022,E11,,AB1 1AA,AB2 2BB,") + "\n");
        Path warehouseDir = Files.createTempDirectory("flows-warehouse");
        PipelineRun.run(TestSpark.session(), new RunOptions(input, warehouseDir, "Flowshire", null), Progress.SILENT);
        warehouse = Warehouse.openCurrent(warehouseDir);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    private static List<List<Object>> rows(String sql) {
        return warehouse.query(sql).stream().map(r -> List.copyOf(r.values())).toList();
    }

    @Test
    void yearlyFlowsAndPlacementMoves() {
        // 2021: child 5 started (S), moved (U) and ceased (E4A); nobody at 31/03/2021.
        // 2022: started 1, 2, 6 (3 is V3, 4 is V4); ceased 6 (E11; 4's E8 is V4, X1 never ceases);
        // moves: 1's P and T, 2's B (3's U is V3, 6's L is no move); at 31/03/2022 children 1 and 2.
        assertEquals(List.of(List.of(2021, 0L, 1L, 1L, 1L), List.of(2022, 2L, 3L, 1L, 3L)), rows("""
                SELECT year, looked_after_31_march, started, ceased, placement_moves FROM cla_year ORDER BY year"""));
    }

    @Test
    void shortBreaksAreNeverInTheMonthEndStock() {
        // Child 5 at 31/05/2020..28/02/2021; child 1 from 31/05/2021, 2 from 30/06/2021, 6 at
        // 31/10/2021..28/02/2022. Children 3 (V3) and 4 (V4, 30/06..31/08/2021) never count.
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String month : List.of("2020-05-31", "2020-06-30", "2020-07-31", "2020-08-31", "2020-09-30",
                "2020-10-31", "2020-11-30", "2020-12-31", "2021-01-31", "2021-02-28", "2021-05-31")) {
            expected.put(month, 1L);
        }
        for (String month : List.of("2021-06-30", "2021-07-31", "2021-08-31", "2021-09-30")) {
            expected.put(month, 2L);
        }
        for (String month : List.of("2021-10-31", "2021-11-30", "2021-12-31", "2022-01-31", "2022-02-28")) {
            expected.put(month, 3L);
        }
        expected.put("2022-03-31", 2L);
        Map<String, Long> actual = new LinkedHashMap<>();
        for (List<Object> row : rows("SELECT CAST(month_end AS VARCHAR), count(*) FROM cla_month_end GROUP BY 1 "
                + "ORDER BY 1")) {
            actual.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        assertEquals(expected, actual);
        assertEquals(List.of(List.of(0L)), rows("""
                SELECT count(*) FROM cla_month_end
                WHERE child IN (SELECT child FROM episodes WHERE legal_status IN ('V3', 'V4'))"""));
    }

    @Test
    void aShortBreakEndingWithAReasonIsNoCeasedReason() {
        // Only 2021's E4A (child 5) and 2022's E11 (child 6); child 4's E8 is a V4 episode.
        assertEquals(List.of(List.of(2021, "E4A", 1L), List.of(2022, "E11", 1L)),
                rows("SELECT year, reason, children FROM cla_ceased_reason ORDER BY year"));
    }
}
