package uk.sufficiency.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import uk.sufficiency.warehouse.forecast.AgeBand;

/**
 * The published views (docs/warehouse-views.md) over one snapshot's Parquet facts. Spark stores
 * what is expensive to derive (deduplicated, repaired episodes); DuckDB derives the child-by-month
 * stock and the yearly figures on read, so the large child-month grain is never written to disk.
 */
final class WarehouseViews {
    private WarehouseViews() {
    }

    /** Collection year (ending 31 March) that contains a date. */
    static String collectionYear(String date) {
        return "(CASE WHEN month(" + date + ") >= 4 THEN year(" + date + ") + 1 ELSE year(" + date + ") END)";
    }

    /** Completed years from dob to d: comparing (month, day) gives the 29 February rule for free. */
    static String ageOn(String dob, String d) {
        return "(CASE WHEN " + dob + " IS NULL OR " + dob + " > " + d + " THEN NULL ELSE year(" + d + ") - year(" + dob
                + ") - CASE WHEN month(" + d + ") * 100 + day(" + d + ") < month(" + dob + ") * 100 + day(" + dob
                + ") THEN 1 ELSE 0 END END)";
    }

    static List<String> definitions(Path snapshot) {
        List<String> views = new ArrayList<>();
        for (FactTable table : FactTable.values()) {
            views.add(fact(snapshot, table)); // every fact is a view of its directory's name
        }
        views.addAll(List.of(
                """
                CREATE VIEW month_ends AS
                SELECT la, CAST(last_day(m) AS DATE) AS month_end
                FROM (SELECT la, unnest(generate_series(make_date(first_year - 1, 4, 1), make_date(last_year, 3, 1),
                                                       INTERVAL 1 MONTH)) AS m
                      FROM la_window)""",
                """
                CREATE VIEW cla_month_end AS
                SELECT la, month_end, child, age,
                       %2$s AS age_band,
                       sex, legal_status, placement, provider, category
                FROM (SELECT m.la, m.month_end, e.child, %1$s AS age, coalesce(c.sex, 'unknown') AS sex,
                             e.legal_status, e.placement, e.provider, e.category
                      FROM month_ends m
                      JOIN episodes e ON e.la = m.la AND e.decom <= m.month_end
                                     AND (e.dec IS NULL OR e.dec > m.month_end)
                      LEFT JOIN children c ON c.la = e.la AND c.child = e.child
                      WHERE e.legal_status NOT IN ('V3', 'V4'))""".formatted(ageOn("c.dob", "m.month_end"), AgeBand.sqlOfAge("age")),
                """
                CREATE VIEW cla_year AS
                WITH years AS (
                    SELECT la, unnest(range(first_year, last_year + 1)) AS year FROM la_window),
                stock AS (
                    SELECT la, year(month_end) AS year, count(*) AS n
                    FROM cla_month_end WHERE month(month_end) = 3 GROUP BY ALL),
                started AS (
                    SELECT la, %1$s AS year, count(DISTINCT child) AS n FROM episodes
                    WHERE rne = 'S' AND legal_status NOT IN ('V3', 'V4') GROUP BY ALL),
                ceased AS (
                    SELECT la, %2$s AS year, count(DISTINCT child) AS n FROM episodes
                    WHERE dec IS NOT NULL AND rec IS NOT NULL AND rec <> 'X1'
                      AND legal_status NOT IN ('V3', 'V4') GROUP BY ALL),
                moves AS (  -- §7 counts episodes, not children: a child moved twice counts twice
                    SELECT la, %1$s AS year, count(*) AS n FROM episodes
                    WHERE rne IN ('P', 'T', 'B', 'U') AND legal_status NOT IN ('V3', 'V4') GROUP BY ALL)
                SELECT y.la, CAST(y.year AS INTEGER) AS year,
                       coalesce(stock.n, 0) AS looked_after_31_march,
                       coalesce(started.n, 0) AS started,
                       coalesce(ceased.n, 0) AS ceased,
                       p.population_0_17,
                       CASE WHEN p.population_0_17 > 0
                            THEN round(coalesce(stock.n, 0) * 10000.0 / p.population_0_17, 1) END AS rate_per_10000,
                       coalesce(moves.n, 0) AS placement_moves
                FROM years y
                LEFT JOIN stock USING (la, year)
                LEFT JOIN started USING (la, year)
                LEFT JOIN ceased USING (la, year)
                LEFT JOIN moves USING (la, year)
                LEFT JOIN population p ON p.area = upper(trim(y.la)) AND p.calendar_year = y.year - 1
                """.formatted(collectionYear("decom"), collectionYear("dec")),
                RequestCapacityViews.placementRequestsNeeds(), RequestCapacityViews.STEP_DOWN_STARTED,
                RequestCapacityViews.CAPACITY_DEMAND,
                LA_ALIASES, KPI_TARGETS_BY_LA, KPI_MONTH, KPI_STATUS,
                CLA_CEASED_REASON.formatted(collectionYear("dec")),
                FOSTERING_QUARTER, BENCHMARK_COMPARISON, CHILD_ETHNIC_GROUP,
                PlacementCostViews.MONTH_END, PlacementCostViews.MONTH_END_PROVIDER, PlacementCostViews.SPEND_MONTH, PlacementCostViews.SPEND_YEAR,
                PlacementCostViews.AGE_BAND, PlacementCostViews.FEE_BANDS, PlacementCostViews.CHANGES,
                PlacementCostViews.DATA_QUALITY,
                ForecastViews.ACCURACY, ForecastViews.RATES, ForecastViews.HISTORY, ForecastViews.START));
        return views;
    }

    /**
     * Each LA of the warehouse with the names and codes DfE's files give it (upper-case): the LA as
     * it came, and the name, old and new code of every published LA row whose name or code equals it.
     */
    private static final String LA_ALIASES = """
            CREATE VIEW la_aliases AS
            WITH las AS (SELECT DISTINCT la FROM la_window),
            keyed AS (
                SELECT area, area_code_old, area_code_new,
                       unnest([upper(area), upper(area_code_old), upper(area_code_new)]) AS key
                FROM benchmark_rates WHERE area_type = 'la'),
            matched AS (
                SELECT DISTINCT l.la, k.area, k.area_code_old, k.area_code_new
                FROM las l JOIN keyed k ON k.key = upper(trim(l.la)))
            SELECT DISTINCT la, alias FROM (
                SELECT la, upper(trim(la)) AS alias FROM las
                UNION ALL
                SELECT la, unnest([upper(area), upper(area_code_old), upper(area_code_new)]) AS alias FROM matched)
            WHERE alias IS NOT NULL""";

    /**
     * The targets of each LA and KPI: the LA's own rows only (its name or any code of it), never a
     * row for every LA or another council's. A snapshot written when the seed's targets were a
     * default for every LA (la null) gives those to nobody.
     */
    private static final String KPI_TARGETS_BY_LA = """
            CREATE VIEW kpi_targets_by_la AS
            SELECT la, kpi, baseline_date, baseline_value, target_date, target_value, polarity, tolerance, source
            FROM (SELECT l.la, t.kpi, t.baseline_date, t.baseline_value, t.target_date, t.target_value, t.polarity,
                         t.tolerance, t.source,
                         row_number() OVER (PARTITION BY l.la, t.kpi
                                            ORDER BY upper(trim(t.la)) = upper(trim(l.la)) DESC, t.source DESC) AS pick
                  FROM (SELECT DISTINCT la FROM la_window) l
                  JOIN kpi_targets t ON t.la IS NOT NULL
                   AND upper(trim(t.la)) IN (SELECT alias FROM la_aliases a WHERE a.la = l.la))
            WHERE pick = 1""";

    /**
     * The strategy KPIs: the three the 903 gives at every month end of the window, step-down into
     * fostering placements started at 31 March of each year of the window (from placement requests)
     * and the block supported high-priority share at each capacity date: value (one decimal), the
     * baseline, the straight-line trajectory from baseline to target (held at the baseline before the
     * baseline date and at the target after the target date, one decimal) and RAG with polarity, from
     * the published (rounded) figures: green at or better than the trajectory, amber worse by no more
     * than the tolerance, red otherwise. The baseline is the LA's own value at its last period on or
     * before the baseline date, computed from its data; only when the data does not reach back that
     * far is it the baseline the targets file states. An LA without a target for a KPI gets its series
     * with no baseline, trajectory or RAG.
     */
    private static final String KPI_MONTH = """
            CREATE VIEW kpi_month AS
            WITH stock AS (
                SELECT m.la, m.month_end, count(c.child) AS looked_after,
                       count(c.child) FILTER (WHERE c.category = 'with_parents') AS with_parents,
                       count(c.child) FILTER (WHERE c.category IN
                           ('foster_kinship', 'foster_inhouse', 'foster_ifa', 'foster_other')) AS fostering,
                       count(c.child) FILTER (WHERE c.category IN
                           ('home_inhouse', 'home_agency', 'home_other')) AS childrens_homes
                FROM month_ends m LEFT JOIN cla_month_end c ON c.la = m.la AND c.month_end = m.month_end
                GROUP BY m.la, m.month_end),
            series AS (
                SELECT la, month_end AS period_end, 'with_parents_share' AS kpi, with_parents AS children, looked_after
                FROM stock
                UNION ALL
                SELECT la, month_end, 'fostering_share', fostering, looked_after FROM stock
                UNION ALL
                SELECT la, month_end, 'childrens_homes_share', childrens_homes, looked_after FROM stock
                UNION ALL  -- per year, at 31 March: a number of placements, not a share
                SELECT la, make_date(year, 3, 31), 'step_down_started', placements, CAST(NULL AS BIGINT)
                FROM step_down_started
                UNION ALL  -- at each capacity date: high-priority young people of the occupied block beds
                SELECT la, date, 'block_supported_high_priority_share', occupied_high, occupied FROM capacity
                WHERE provision = 'block_supported_beds' AND occupied > 0 AND la IN (SELECT la FROM la_window)),
            measured AS (
                SELECT la, kpi, period_end, children, looked_after,
                       CASE WHEN kpi = 'step_down_started' THEN CAST(children AS DOUBLE)
                            WHEN looked_after > 0 THEN round(100.0 * children / looked_after, 1) END AS value
                FROM series),
            own_baseline AS (  -- the LA's own value at its last period on or before the baseline date
                SELECT la, kpi, value, children, looked_after
                FROM (SELECT m.la, m.kpi, m.value, m.children, m.looked_after,
                             row_number() OVER (PARTITION BY m.la, m.kpi ORDER BY m.period_end DESC) AS pick
                      FROM measured m JOIN kpi_targets_by_la t ON t.la = m.la AND t.kpi = m.kpi
                      WHERE m.period_end <= t.baseline_date AND m.value IS NOT NULL)
                WHERE pick = 1),
            targets AS (
                SELECT t.la, t.kpi, t.baseline_date, coalesce(b.value, t.baseline_value) AS baseline_value,
                       t.baseline_value AS stated_baseline_value,
                       CASE WHEN b.value IS NOT NULL THEN 'data' ELSE 'targets file' END AS baseline_source,
                       b.children AS baseline_children, b.looked_after AS baseline_looked_after,
                       t.target_value, t.target_date, t.polarity, t.tolerance, t.source
                FROM kpi_targets_by_la t LEFT JOIN own_baseline b USING (la, kpi)),
            valued AS (
                SELECT s.la, s.kpi, s.period_end, s.value,
                       t.baseline_value, t.target_value, t.target_date,
                       round(CASE WHEN t.kpi IS NULL THEN NULL
                                  WHEN s.period_end <= t.baseline_date THEN t.baseline_value
                                  WHEN s.period_end >= t.target_date THEN t.target_value
                                  ELSE t.baseline_value + (t.target_value - t.baseline_value)
                                       * date_diff('day', t.baseline_date, s.period_end)
                                       / date_diff('day', t.baseline_date, t.target_date) END, 1) AS trajectory_value,
                       t.baseline_date, t.polarity, t.tolerance, s.children, s.looked_after, t.source AS target_source,
                       t.stated_baseline_value, t.baseline_source, t.baseline_children, t.baseline_looked_after
                FROM measured s LEFT JOIN targets t ON t.la = s.la AND t.kpi = s.kpi)
            SELECT la, kpi, period_end, value, baseline_value, target_value, target_date, trajectory_value,
                   CASE WHEN value IS NULL OR trajectory_value IS NULL THEN NULL
                        WHEN better >= 0 THEN 'green'
                        WHEN better >= -tolerance THEN 'amber'
                        ELSE 'red' END AS rag,
                   baseline_date, polarity, tolerance, children, looked_after, target_source,
                   stated_baseline_value, baseline_source, baseline_children, baseline_looked_after,
                   round(value - baseline_value, 1) AS impact_since_baseline
            FROM (SELECT *, round(CASE WHEN polarity = 'down' THEN trajectory_value - value
                                       ELSE value - trajectory_value END, 6) AS better
                  FROM valued)""";

    /** Which KPIs each LA's data can compute, so a page can say "not loaded yet" instead of showing zero. */
    private static final String KPI_STATUS = """
            CREATE VIEW kpi_status AS
            WITH kpis(position, kpi, description, needs) AS (VALUES
                (1, 'with_parents_share', 'Placements with parents, % of children looked after', NULL),
                (2, 'fostering_share', 'Foster placements, % of children looked after', NULL),
                (3, 'step_down_started', 'Step-down into fostering placements started per year',
                    'placement requests (placement_requests*.csv, inputs.md §3)'),
                (4, 'childrens_homes_share', 'Children looked after in children''s homes, % of children looked after',
                    NULL),
                (5, 'block_supported_high_priority_share',
                    'Block supported accommodation used by high-priority young people, % of occupied beds',
                    'capacity with occupied beds by priority (capacity*.csv, inputs.md §4)'))
            SELECT l.la, k.kpi, k.needs IS NULL OR x.la IS NOT NULL AS loaded,
                   CASE WHEN k.needs IS NULL THEN 'computed from the 903 episodes at each month end'
                        WHEN x.la IS NOT NULL THEN x.reason
                        ELSE 'not loaded yet: needs ' || k.needs END AS reason,
                   k.description, k.position, t.source AS target_source
            FROM (SELECT DISTINCT la FROM la_window) l CROSS JOIN kpis k
            LEFT JOIN (
                SELECT DISTINCT la, 'step_down_started' AS kpi,
                       'computed from the placement requests: step-down requests placed in each financial year' AS reason
                FROM placement_requests
                UNION ALL
                SELECT DISTINCT la, 'block_supported_high_priority_share',
                       'computed from capacity: block supported beds occupied by high-priority young people at each date'
                FROM capacity
                WHERE provision = 'block_supported_beds' AND occupied > 0 AND occupied_high IS NOT NULL) x
              ON x.la = l.la AND x.kpi = k.kpi
            LEFT JOIN kpi_targets_by_la t ON t.la = l.la AND t.kpi = k.kpi""";

    /**
     * Children who ceased to be looked after by reason (counting-rules §7): the REC of the child's
     * last qualifying episode in the year (latest DEC, then latest DECOM). Sums to cla_year.ceased.
     */
    private static final String CLA_CEASED_REASON = """
            CREATE VIEW cla_ceased_reason AS
            WITH ceased AS (
                SELECT la, child, %1$s AS year, rec,
                       row_number() OVER (PARTITION BY la, child, %1$s ORDER BY dec DESC, decom DESC, rec DESC) AS pick
                FROM episodes
                WHERE dec IS NOT NULL AND rec IS NOT NULL AND rec <> 'X1' AND legal_status NOT IN ('V3', 'V4'))
            SELECT c.la, CAST(c.year AS INTEGER) AS year, c.rec AS reason,
                   CASE WHEN c.rec IN ('E11', 'E12') THEN 'adopted'
                        WHEN c.rec IN ('E43', 'E44', 'E45', 'E46', 'E47', 'E48') THEN 'special_guardianship_order'
                        WHEN c.rec = 'E41' THEN 'child_arrangement_order'
                        WHEN c.rec IN ('E4A', 'E4B') THEN 'returned_home'
                        WHEN c.rec IN ('E5', 'E6') THEN 'independent_living'
                        ELSE 'other' END AS reason_group,
                   count(*) AS children,
                   round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY c.la, c.year), 1) AS share
            FROM ceased c JOIN la_window w ON w.la = c.la AND c.year BETWEEN w.first_year AND w.last_year
            WHERE c.pick = 1
            GROUP BY c.la, c.year, c.rec""";

    /**
     * Each child's ethnic group from the Header's ETHNIC code, in the main groups of DfE's children
     * looked after statistics (the 903 code set: Chinese, CHNE, is counted with any other ethnic
     * group, as DfE's tables do); a code outside the set, or none, is "Not recorded". A child without
     * a Header row has no row here: figures count it as "Not recorded" too.
     */
    private static final String CHILD_ETHNIC_GROUP = """
            CREATE VIEW child_ethnic_group AS
            WITH groups(ethnic_group, ethnic_group_order, codes) AS (VALUES
                ('White', 1, ['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM']),
                ('Mixed or multiple ethnic groups', 2, ['MWBC', 'MWBA', 'MWAS', 'MOTH']),
                ('Asian or Asian British', 3, ['AIND', 'APKN', 'ABAN', 'AOTH']),
                ('Black, African, Caribbean or Black British', 4, ['BCRB', 'BAFR', 'BOTH']),
                ('Other ethnic group', 5, ['CHNE', 'OOTH']),
                ('Refused or information not yet obtained', 6, ['REFU', 'NOBT'])),
            codes AS (SELECT unnest(codes) AS ethnic, ethnic_group, ethnic_group_order FROM groups)
            SELECT c.la, c.child, c.ethnic, coalesce(g.ethnic_group, 'Not recorded') AS ethnic_group,
                   coalesce(g.ethnic_group_order, 7) AS ethnic_group_order
            FROM children_ethnicity c LEFT JOIN codes g ON g.ethnic = c.ethnic""";

    /**
     * In-house against IFA non-connected foster placements (counting-rules §8) by age band at each
     * quarter end of the window, the IFA share, and kinship placements; {@code All} totals the bands.
     */
    private static final String FOSTERING_QUARTER = """
            CREATE VIEW fostering_quarter AS
            WITH quarter_ends AS (
                SELECT la, month_end AS quarter_end FROM month_ends WHERE month(month_end) IN (3, 6, 9, 12)),
            fostered AS (
                SELECT la, month_end AS quarter_end, category,
                       CASE WHEN age IS NULL THEN 'Unknown' WHEN age <= 5 THEN '0-5' WHEN age <= 10 THEN '6-10'
                            ELSE '11+' END AS age_group
                FROM cla_month_end
                WHERE month(month_end) IN (3, 6, 9, 12)
                  AND category IN ('foster_inhouse', 'foster_ifa', 'foster_other', 'foster_kinship')),
            counts AS (
                SELECT la, quarter_end, coalesce(age_group, 'All') AS age_group,
                       count(*) FILTER (WHERE category = 'foster_inhouse') AS inhouse,
                       count(*) FILTER (WHERE category = 'foster_ifa') AS ifa,
                       count(*) FILTER (WHERE category = 'foster_other') AS other_non_connected,
                       count(*) FILTER (WHERE category = 'foster_kinship') AS kinship
                FROM fostered GROUP BY GROUPING SETS ((la, quarter_end, age_group), (la, quarter_end))),
            cells AS (
                SELECT q.la, q.quarter_end, g.age_group, g.position
                FROM quarter_ends q
                CROSS JOIN (VALUES ('0-5', 1), ('6-10', 2), ('11+', 3), ('All', 5)) g(age_group, position)
                UNION ALL
                SELECT DISTINCT la, quarter_end, 'Unknown', 4 FROM fostered WHERE age_group = 'Unknown')
            SELECT c.la, c.quarter_end, c.age_group,
                   coalesce(n.inhouse, 0) AS inhouse, coalesce(n.ifa, 0) AS ifa,
                   CASE WHEN coalesce(n.inhouse, 0) + coalesce(n.ifa, 0) > 0
                        THEN round(100.0 * n.ifa / (n.inhouse + n.ifa), 1) END AS ifa_share,
                   coalesce(n.kinship, 0) AS kinship, coalesce(n.other_non_connected, 0) AS other_non_connected,
                   c.position AS age_group_order
            FROM cells c LEFT JOIN counts n USING (la, quarter_end, age_group)""";

    /**
     * Each LA and year of the warehouse against England, its region and its statistical neighbours
     * (mean and median, latest model that lists it), with its rank among all LAs (1 = lowest rate)
     * and quartile band by polarity. The LA's own rate is the warehouse's; the others are published.
     * The LA's own count and rate are checked against DfE's published figures for it: they differ
     * when the count is off by more than 5% of DfE's count and by more than 5 children, or the rate by
     * more than 5% of DfE's rate and by more than 1 per 10,000 (DfE publishes whole-number rates; the
     * LA's own extract differs from its final return by a few late amendments), and a figure that
     * differs is ranked on DfE's rate.
     */
    private static final String BENCHMARK_COMPARISON = """
            CREATE VIEW benchmark_comparison AS
            WITH measures(measure, polarity) AS (VALUES
                ('looked_after_31_march', 'down'), ('started', 'none'), ('ceased', 'none')),
            own_counted AS (
                SELECT y.la, y.year, m.measure, m.polarity,
                       CASE m.measure WHEN 'looked_after_31_march' THEN y.looked_after_31_march
                                      WHEN 'started' THEN y.started ELSE y.ceased END AS la_children,
                       CASE WHEN m.measure = 'looked_after_31_march' THEN y.rate_per_10000
                            WHEN y.population_0_17 > 0 THEN round(
                                CASE m.measure WHEN 'started' THEN y.started ELSE y.ceased END * 10000.0
                                / y.population_0_17, 1) END AS la_rate
                FROM cla_year y CROSS JOIN measures m),
            aliases AS MATERIALIZED (SELECT la, alias FROM la_aliases),
            la_rows AS MATERIALIZED (
                SELECT row_number() OVER () AS id, area, area_code_old, area_code_new, region, year, measure,
                       rate_per_10000, children
                FROM benchmark_rates WHERE area_type = 'la'),
            row_keys AS MATERIALIZED (
                SELECT DISTINCT id, key
                FROM (SELECT id, unnest([upper(area), upper(area_code_old), upper(area_code_new)]) AS key FROM la_rows)
                WHERE key IS NOT NULL),
            own_ids AS MATERIALIZED (
                SELECT DISTINCT a.la, k.id FROM aliases a JOIN row_keys k ON k.key = a.alias),
            own_rows AS (
                SELECT o.la, r.year, r.measure, r.region, r.rate_per_10000, r.children
                FROM own_ids o JOIN la_rows r USING (id)),
            la_region AS (
                SELECT la, arg_max(region, year) AS region FROM own_rows WHERE region IS NOT NULL GROUP BY la),
            dfe_own AS (
                SELECT la, year, measure, max(rate_per_10000) AS dfe_rate, max(children) AS dfe_children
                FROM own_rows GROUP BY ALL),
            own AS MATERIALIZED (  -- checked against DfE's published figure for the LA
                SELECT o.*, d.dfe_rate, d.dfe_children,
                       CASE WHEN d.dfe_rate IS NULL AND d.dfe_children IS NULL THEN NULL
                            WHEN abs(o.la_children - d.dfe_children) > greatest(0.05 * d.dfe_children, 5)
                              OR abs(o.la_rate - d.dfe_rate) > greatest(0.05 * d.dfe_rate, 1) THEN 'differs'
                            ELSE 'agrees' END AS dfe_check
                FROM own_counted o LEFT JOIN dfe_own d USING (la, year, measure)),
            ranked AS (  -- a figure that differs from DfE's is ranked on DfE's
                SELECT *, CASE WHEN dfe_check = 'differs' AND dfe_rate IS NOT NULL THEN dfe_rate
                               ELSE la_rate END AS rank_rate,
                          CASE WHEN dfe_check = 'differs' AND dfe_rate IS NOT NULL THEN 'published'
                               WHEN la_rate IS NOT NULL THEN 'warehouse' END AS ranked_on
                FROM own),
            england AS (
                SELECT year, measure, max(rate_per_10000) AS rate FROM benchmark_rates
                WHERE area_type = 'england' GROUP BY ALL),
            regions AS (
                SELECT upper(area) AS region_key, year, measure, max(rate_per_10000) AS rate FROM benchmark_rates
                WHERE area_type = 'region' GROUP BY ALL),
            published_sn AS (
                SELECT a.la, b.year, b.measure, max(b.rate_per_10000) AS rate
                FROM aliases a JOIN benchmark_rates b
                  ON b.area_type = 'statistical_neighbours' AND upper(b.area) = a.alias
                GROUP BY ALL),
            sn_rows AS MATERIALIZED (
                SELECT DISTINCT a.la, s.neighbour_code, s.neighbour_name, s.rank, s.model
                FROM aliases a JOIN statistical_neighbours s ON a.alias = upper(s.la_code)
                UNION
                SELECT DISTINCT a.la, s.neighbour_code, s.neighbour_name, s.rank, s.model
                FROM aliases a JOIN statistical_neighbours s ON a.alias = upper(s.la_name)),
            sn_model AS (
                SELECT la, arg_max(model, coalesce(TRY_CAST(model AS INTEGER), 0)) AS model FROM sn_rows GROUP BY la),
            sn_rates AS (
                SELECT s.la, r.year, r.measure, s.rank, max(r.rate_per_10000) AS rate
                FROM sn_rows s JOIN sn_model m ON m.la = s.la AND m.model = s.model
                JOIN row_keys k ON k.key = upper(coalesce(s.neighbour_code, s.neighbour_name))
                JOIN la_rows r ON r.id = k.id
                WHERE r.rate_per_10000 IS NOT NULL
                GROUP BY ALL),
            sn_stats AS (
                SELECT la, year, measure, round(avg(rate), 1) AS sn_mean, round(median(rate), 1) AS sn_median,
                       count(*) AS sn_count
                FROM sn_rates GROUP BY ALL),
            positions AS (
                SELECT o.la, o.year, o.measure, count(*) + 1 AS las_ranked,
                       count(*) FILTER (WHERE r.rate_per_10000 < o.rank_rate) + 1 AS rank,
                       CASE WHEN o.polarity = 'up' THEN count(*) FILTER (WHERE r.rate_per_10000 > o.rank_rate)
                            ELSE count(*) FILTER (WHERE r.rate_per_10000 < o.rank_rate) END AS better_placed
                FROM ranked o
                JOIN la_rows r ON r.year = o.year AND r.measure = o.measure AND r.rate_per_10000 IS NOT NULL
                LEFT JOIN own_ids x ON x.la = o.la AND x.id = r.id
                WHERE o.rank_rate IS NOT NULL AND x.id IS NULL
                GROUP BY o.la, o.year, o.measure, o.polarity)
            SELECT o.la, o.year, o.measure, o.polarity, o.la_rate, o.dfe_rate AS dfe_la_rate,
                   e.rate AS england_rate, lr.region, rg.rate AS region_rate,
                   s.sn_mean, s.sn_median, coalesce(s.sn_count, 0) AS sn_count, m.model AS sn_model,
                   p.rate AS sn_published_rate,
                   CAST(pos.rank AS INTEGER) AS rank, CAST(pos.las_ranked AS INTEGER) AS las_ranked,
                   CASE WHEN pos.las_ranked IS NULL THEN NULL
                        WHEN pos.better_placed / pos.las_ranked < 0.25 THEN 'A'
                        WHEN pos.better_placed / pos.las_ranked < 0.5 THEN 'B'
                        WHEN pos.better_placed / pos.las_ranked < 0.75 THEN 'C'
                        ELSE 'D' END AS quartile_band,
                   o.la_children, o.dfe_children AS dfe_la_children, o.dfe_check,
                   o.la_children - o.dfe_children AS children_difference,
                   round(o.la_rate - o.dfe_rate, 1) AS rate_difference, o.ranked_on
            FROM ranked o
            LEFT JOIN england e ON e.year = o.year AND e.measure = o.measure
            LEFT JOIN la_region lr ON lr.la = o.la
            LEFT JOIN regions rg ON rg.region_key = upper(lr.region) AND rg.year = o.year AND rg.measure = o.measure
            LEFT JOIN sn_stats s ON s.la = o.la AND s.year = o.year AND s.measure = o.measure
            LEFT JOIN sn_model m ON m.la = o.la
            LEFT JOIN published_sn p ON p.la = o.la AND p.year = o.year AND p.measure = o.measure
            LEFT JOIN positions pos ON pos.la = o.la AND pos.year = o.year AND pos.measure = o.measure""";

    private static String fact(Path snapshot, FactTable table) {
        String view = table.directory();
        Path dir = snapshot.resolve(table.directory());
        if (!Files.isDirectory(dir) && table.addedLater()) {
            return "CREATE VIEW " + view + " AS SELECT * FROM (" + emptyRow(table) + ") WHERE false";
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Snapshot " + snapshot + " has no " + table.directory() + " facts");
        }
        String glob = dir.resolve("*.parquet").toString().replace("'", "''");
        return "CREATE VIEW " + view + " AS SELECT * FROM read_parquet('" + glob + "')";
    }

    /** One row of typed nulls with the fact's columns, for a snapshot written before the fact existed. */
    private static String emptyRow(FactTable table) {
        List<String> columns = new ArrayList<>();
        for (String column : table.columns().split(",")) {
            String[] nameAndType = column.strip().split(" ", 2);
            columns.add("CAST(NULL AS " + nameAndType[1] + ") AS " + nameAndType[0]);
        }
        return "SELECT " + String.join(", ", columns);
    }

    static void create(Connection connection, Path snapshot) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : definitions(snapshot)) {
                statement.execute(sql);
            }
        }
    }
}
