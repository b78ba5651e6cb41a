-- The strategy KPIs: the three the 903 gives at every month end of the window, step-down into
-- fostering placements started at 31 March of each year of the window (from placement requests)
-- and the block supported high-priority share at each capacity date: value (one decimal), the
-- baseline, the straight-line trajectory from baseline to target (held at the baseline before the
-- baseline date and at the target after the target date, one decimal) and RAG with polarity, from
-- the published (rounded) figures: green at or better than the trajectory, amber worse by no more
-- than the tolerance, red otherwise. The baseline is the LA's own value at its last period on or
-- before the baseline date, computed from its data; only when the data does not reach back that
-- far is it the baseline the targets file states. An LA without a target for a KPI gets its series
-- with no baseline, trajectory or RAG.
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
      FROM valued)
