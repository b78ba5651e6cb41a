package uk.sufficiency.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.FactTable;
import uk.sufficiency.warehouse.Snapshots;

/**
 * Writes a tiny published snapshot by hand, the way the pipeline would: one Parquet file per fact
 * directory, typed as FactTable documents, then {@link Snapshots#publish}. Tables given no rows
 * are written empty, so every view the warehouse defines can be opened.
 */
final class TestSnapshot {
    /*
     * The two-LA snapshot most tests use, worked out by hand. Each LA has the single collection year
     * 2022 as its window, so month ends run from 30 April 2021 to 31 March 2022.
     *
     * Lancashire (population 0-17 for calendar 2021 = 3,000; the 2022 figure must not be used):
     *   c1     15/03/2021-30/06/2021 foster_ifa, REC E13: 30 Apr, 31 May. Not 31 Mar 2021 (before the
     *          window) and not 30 Jun (an episode ending on a month end does not count that day).
     *          Started in 2021, not 2022; ceased in 2022.
     *   c2     30/06/2021-30/09/2021 foster_inhouse, no REC (repaired close): 30 Jun (starts on the month
     *          end, so counts), 31 Jul, 31 Aug. Started.
     *   c2     30/09/2021-15/01/2022 home_agency, RNE P, REC E11: 30 Sep, 31 Oct, 30 Nov, 31 Dec. Ceased.
     *   c3     from 01/05/2021, open, legal status V3: never counts, not started.
     *   c4     from 31/03/2022, open, with_parents: 31 Mar 2022 only. Started.
     *   c5     10/12/2021-31/03/2022 secure, REC E4A: 31 Dec, 31 Jan, 28 Feb; not 31 Mar. Started, ceased.
     *   c6     01/08/2021-20/08/2021 supported, REC X1: at no month end. Started; X1 is not ceased.
     *   c7     15/07/2021-01/09/2021 foster_inhouse, REC E8: 31 Jul, 31 Aug. Started, ceased.
     *   So at 31 March 2022: 1 looked after (c4); started 5 (c2 c4 c5 c6 c7); ceased 4 (c1 c2 c5 c7);
     *   placement moves 1 (c2's second episode, RNE P, began 30 September 2021);
     *   rate 1 / 3,000 x 10,000 = 3.33 -> 3.3. Every month-end cell is 1 or 2.
     *   Seen by a user of another LA (counting-rules §9): every month-end cell [c]; 31 March 1 -> [c],
     *   started 5 exact, ceased 4 -> [c], rate 3.3 -> [c] (computed from the suppressed 1).
     *
     * Blackpool (population 0-17 for calendar 2021 = 2,000):
     *   b1     from 01/02/2022, open, foster_kinship: 28 Feb, 31 Mar. Started.
     *   b2     from 01/03/2022, open, foster_ifa: 31 Mar. Started.
     *   b3-b7  from 15/01/2022, open, foster_inhouse: 31 Jan, 28 Feb, 31 Mar, five children each. Started.
     *   At 31 March 2022: 7 looked after; started 7; ceased 0; rate 7 / 2,000 x 10,000 = 35.0.
     *   Seen by a user of another LA: the cells of 1 (kinship 28 Feb and 31 Mar, IFA 31 Mar) -> [c];
     *   the cells of 5, the 7s, the 0 and the rate 35.0 (from the exact 7) stay exact.
     *
     * Forecast facts ({@link #forecast}), as the publisher would write them from the last month ends:
     *   Stock (forecast_history = its sum per group, and 'all'): Lancashire c5 in other (secure), 10 to 15,
     *   1 child at 31 Jan (31 child-days) and 28 Feb (28), 0 at 31 Mar (30 days: c5 left that day); c4 with
     *   parents, 5 to 9, 1 at 31 Mar (1 day). So 'all' is 1, 1, 1. Blackpool: in-house fostering 5 at 31 Jan,
     *   28 Feb and 31 Mar, kinship 1 at 28 Feb and 31 Mar, IFA 1 at 31 Mar: 'all' 5, 6, 7.
     *   Flows (reference period 1 Apr 2021 to 31 Mar 2022, 365 days): c4 entered with_parents (1 x 365.25 /
     *   365 = 1.0007 a year); c5 left other (1 x 365.25 / 89 child-days = 4.1039 a year).
     *   Lancashire's base projection from 31 Mar 2022 (p05/p25/p50/p75/p95): 30 Apr with_parents 0/1/1/1/2,
     *   all 0/1/1/2/3; 31 Mar 2023 with_parents 0/0/1/2/3, all 0/1/2/3.04/6 (p75 rounds to 3.0). Scenario
     *   'Fewer entries': 30 Apr all 0/1/1/1/2; 31 Mar 2023 with_parents 0/0/1/1/2 (median +0 on the base),
     *   all 0/1/1.5/2/5 (median 1.5 - 2 = -0.5).
     *   Spend in the year to 31 Mar 2023 (p05/p50/p95): base with_parents £0/£7,800/£15,600 at a £150 weekly
     *   fee, all £0/£7,800/£23,400; Fewer entries with_parents £0/£3,900/£15,600, all £0/£3,900/£15,600, each
     *   £3,900 below the base's median. With parents had 1 child at the start, so another LA's reader sees
     *   that count and its fee as [c], the projected spend as it is.
     *   Gap at the start, 31 Mar 2022: no child in the 5 in-house foster places (-5). At 30 Jun 2022: base
     *   median 3 (gap -2), p95 6 (gap 1); Fewer entries (6 places added: 11) median 2 (gap -9), p95 5 (gap -6).
     *   Backtest from 30 Sep 2021, 6 months ahead, against 31 Mar 2022: Lancashire all actual 1, model
     *   0/1/2/3/5 (100% error), last value 1 (0%), trend 1.5 (50%): the last value is best; with_parents
     *   actual 1, model 0/0/1/1/2 (0%), last value 0 (100%), trend 0 (100%): the model is best; both inside
     *   both ranges. Blackpool from 31 Jan 2022, 2 months ahead: all actual 7, model 4/5/6/7/9 (14.3%), last
     *   value 5 (28.6%), trend 7 (0%): the trend is best; large enough to show to anyone.
     */
    static final String LANCASHIRE_CSV = """
            month_end,category,children
            2021-04-30,foster_ifa,1
            2021-05-31,foster_ifa,1
            2021-06-30,foster_inhouse,1
            2021-07-31,foster_inhouse,2
            2021-08-31,foster_inhouse,2
            2021-09-30,home_agency,1
            2021-10-31,home_agency,1
            2021-11-30,home_agency,1
            2021-12-31,home_agency,1
            2021-12-31,secure,1
            2022-01-31,secure,1
            2022-02-28,secure,1
            2022-03-31,with_parents,1
            """;
    static final String BLACKPOOL_CSV = """
            month_end,category,children
            2022-01-31,foster_inhouse,5
            2022-02-28,foster_inhouse,5
            2022-02-28,foster_kinship,1
            2022-03-31,foster_ifa,1
            2022-03-31,foster_inhouse,5
            2022-03-31,foster_kinship,1
            """;

    private final Map<FactTable, List<String>> rows = new EnumMap<>(FactTable.class);

    /** The snapshot worked out above. */
    static TestSnapshot lancashireAndBlackpool() {
        TestSnapshot snapshot = new TestSnapshot()
                .rows(FactTable.EPISODES,
                        "('Lancashire', 'c1', '2021-03-15', '2021-06-30', 'E13', 'S', 'C2', 'U5', 'PR4', 'foster_ifa', 2022, NULL)",
                        "('Lancashire', 'c2', '2021-06-30', '2021-09-30', NULL, 'S', 'C2', 'U4', 'PR1', 'foster_inhouse', 2022, 'closed_at_next')",
                        "('Lancashire', 'c2', '2021-09-30', '2022-01-15', 'E11', 'P', 'C2', 'K2', 'PR4', 'home_agency', 2022, NULL)",
                        "('Lancashire', 'c3', '2021-05-01', NULL, NULL, 'S', 'V3', 'U4', 'PR1', 'foster_inhouse', 2022, NULL)",
                        "('Lancashire', 'c4', '2022-03-31', NULL, NULL, 'S', 'C2', 'P1', 'PR0', 'with_parents', 2022, NULL)",
                        "('Lancashire', 'c5', '2021-12-10', '2022-03-31', 'E4A', 'S', 'C2', 'K1', 'PR1', 'secure', 2022, NULL)",
                        "('Lancashire', 'c6', '2021-08-01', '2021-08-20', 'X1', 'S', 'C2', 'H5', 'PR0', 'supported', 2022, NULL)",
                        "('Lancashire', 'c7', '2021-07-15', '2021-09-01', 'E8', 'S', 'C2', 'U6', 'PR1', 'foster_inhouse', 2022, NULL)",
                        "('Blackpool', 'b1', '2022-02-01', NULL, NULL, 'S', 'C2', 'U1', 'PR0', 'foster_kinship', 2022, NULL)",
                        "('Blackpool', 'b2', '2022-03-01', NULL, NULL, 'S', 'C2', 'U6', 'PR4', 'foster_ifa', 2022, NULL)")
                .rows(FactTable.CHILDREN,
                        "('Lancashire', 'c1', 'female', '2010-05-01')", "('Lancashire', 'c4', 'male', NULL)",
                        "('Blackpool', 'b1', 'unknown', '2021-01-01')")
                .rows(FactTable.LA_WINDOW, "('Lancashire', 2022, 2022)", "('Blackpool', 2022, 2022)")
                .rows(FactTable.POPULATION, "('LANCASHIRE', 2021, 3000)", "('LANCASHIRE', 2022, 9999)",
                        "('BLACKPOOL', 2021, 2000)")
                .rows(FactTable.REJECTED_EPISODES, "('Lancashire', 'episodes.csv', 9, 'c9', 'bad_date', 'DECOM ''31/02/2021'' is not a date')")
                .rows(FactTable.DATA_QUALITY, "('Lancashire', '903', 'closed_at_next', 1)");
        forecast(snapshot);
        for (int b = 3; b <= 7; b++) {
            snapshot.rows(FactTable.EPISODES,
                    "('Blackpool', 'b" + b + "', '2022-01-15', NULL, NULL, 'S', 'C2', 'U4', 'PR1', 'foster_inhouse', 2022, NULL)");
        }
        return snapshot;
    }

    /** The forecast facts worked out above. */
    private static void forecast(TestSnapshot snapshot) {
        snapshot.rows(FactTable.FORECAST_STOCK,
                        "('Lancashire', '2022-01-31', '10 to 15', 'other', 1, 31)",
                        "('Lancashire', '2022-02-28', '10 to 15', 'other', 1, 28)",
                        "('Lancashire', '2022-03-31', '10 to 15', 'other', 0, 30)",
                        "('Lancashire', '2022-03-31', '5 to 9', 'with_parents', 1, 1)",
                        "('Blackpool', '2022-01-31', '5 to 9', 'foster_inhouse', 5, 85)",
                        "('Blackpool', '2022-02-28', '5 to 9', 'foster_inhouse', 5, 140)",
                        "('Blackpool', '2022-02-28', '1 to 4', 'foster_kinship', 1, 28)",
                        "('Blackpool', '2022-03-31', '5 to 9', 'foster_inhouse', 5, 155)",
                        "('Blackpool', '2022-03-31', '1 to 4', 'foster_kinship', 1, 31)",
                        "('Blackpool', '2022-03-31', '5 to 9', 'foster_ifa', 1, 31)")
                .rows(FactTable.FORECAST_FLOWS,
                        "('Lancashire', '2022-03-31', '5 to 9', 'not_in_care', '5 to 9', 'with_parents', 1)",
                        "('Lancashire', '2022-03-31', '10 to 15', 'other', '10 to 15', 'left_care', 1)")
                .rows(FactTable.FORECAST_SETTINGS,
                        "('base', 'Lancashire', '2022-03-31', '2021-04-01', '2022-03-31', '2026-03-31', 1, 500, 20261201, "
                                + "0.03, '{\"name\":\"base\"}')",
                        "('Fewer entries', 'Lancashire', '2022-03-31', '2021-04-01', '2022-03-31', '2026-03-31', 1, 500, "
                                + "20261201, 0.03, '{\"name\":\"Fewer entries\"}')")
                .rows(FactTable.FORECAST_GROUP,
                        "('base', 'Lancashire', '2022-04-30', 'with_parents', 0.9, 0, 1, 1, 1, 2)",
                        "('base', 'Lancashire', '2022-04-30', 'all', 1.1, 0, 1, 1, 2, 3)",
                        "('base', 'Lancashire', '2023-03-31', 'with_parents', 1.2, 0, 0, 1, 2, 3)",
                        "('base', 'Lancashire', '2023-03-31', 'all', 2.4, 0, 1, 2, 3.04, 6)",
                        "('Fewer entries', 'Lancashire', '2022-04-30', 'all', 1.0, 0, 1, 1, 1, 2)",
                        "('Fewer entries', 'Lancashire', '2023-03-31', 'with_parents', 1.0, 0, 0, 1, 1, 2)",
                        "('Fewer entries', 'Lancashire', '2023-03-31', 'all', 1.8, 0, 1, 1.5, 2, 5)")
                .rows(FactTable.FORECAST_COST_YEAR,
                        "('base', 'Lancashire', 2023, 'with_parents', 150, 0, 7800, 15600, 7500, 1)",
                        "('base', 'Lancashire', 2023, 'all', NULL, 0, 7800, 23400, 7500, 1)",
                        "('Fewer entries', 'Lancashire', 2023, 'with_parents', 150, 0, 3900, 15600, 4500, 1)",
                        "('Fewer entries', 'Lancashire', 2023, 'all', NULL, 0, 3900, 15600, 4500, 1)")
                .rows(FactTable.FORECAST_GAP,
                        "('base', 'Lancashire', '2022-03-31', 2022, 'Q4', 'foster_inhouse', 'inhouse_foster_places', "
                                + "0, 0, 0, 5, -5, -5, 0, 0)",
                        "('Fewer entries', 'Lancashire', '2022-03-31', 2022, 'Q4', 'foster_inhouse', "
                                + "'inhouse_foster_places', 0, 0, 0, 5, -5, -5, 0, 0)",
                        "('base', 'Lancashire', '2022-06-30', 2023, 'Q1', 'foster_inhouse', 'inhouse_foster_places', "
                                + "3, 6, 0, 5, -2, 1, 0, 0)",
                        "('Fewer entries', 'Lancashire', '2022-06-30', 2023, 'Q1', 'foster_inhouse', "
                                + "'inhouse_foster_places', 2, 5, 0, 11, -9, -6, 0, 0)")
                .rows(FactTable.FORECAST_BACKTEST,
                        "('Lancashire', '2021-09-30', 6, 'all', 1, 0, 1, 2, 3, 5, 100, 1, 0, 1.5, 50, 'damped_trend', 3, 200, "
                                + "2, 100)",
                        "('Lancashire', '2021-09-30', 6, 'with_parents', 1, 0, 0, 1, 1, 2, 0, 0, 100, 0, 100, 'damped_trend', "
                                + "1, 0, 1, 0)",
                        "('Blackpool', '2022-01-31', 2, 'all', 7, 4, 5, 6, 7, 9, 14.285714, 5, 28.571429, 7, 0, 'constant', "
                                + "6, 14.285714, 6.5, 7.142857)")
                .rows(FactTable.FORECAST_METHOD,
                        "('Lancashire', 'damped_trend', 'backtest', 1, NULL, NULL, NULL, NULL)");
    }

    /** Adds rows to a fact table, each an SQL tuple in the column order of {@link FactTable#columns()}. */
    TestSnapshot rows(FactTable table, String... tuples) {
        rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(List.of(tuples));
        return this;
    }

    /** Writes the facts into a staging directory and publishes it as the warehouse's current snapshot. */
    Path publish(Path warehouseDir) throws Exception {
        Snapshots snapshots = new Snapshots(warehouseDir);
        Path staging = snapshots.beginStaging();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            for (FactTable table : FactTable.values()) {
                String name = table.directory();
                Path file = Files.createDirectories(staging.resolve(name)).resolve("part-0.parquet");
                sql.execute("CREATE TABLE " + name + " (" + table.columns() + ")");
                List<String> tuples = rows.getOrDefault(table, List.of());
                if (!tuples.isEmpty()) {
                    sql.execute("INSERT INTO " + name + " VALUES " + String.join(", ", tuples));
                }
                sql.execute("COPY (SELECT * FROM " + name + ") TO '" + file + "' (FORMAT parquet)");
            }
        }
        return snapshots.publish(staging);
    }
}
