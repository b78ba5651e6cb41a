WITH stock AS (
    SELECT la, month_end, age_band, placement_group, children FROM forecast_stock
    UNION ALL
    SELECT la, month_end, age_band, 'all', sum(children) FROM forecast_stock GROUP BY ALL),
history AS (
    SELECT la, month_end, age_band, placement_group, CAST(children AS BIGINT) AS actual
    FROM (SELECT *, max(month_end) OVER (PARTITION BY la) AS latest FROM stock)
    WHERE month_end > latest - INTERVAL 3 YEAR),
at_start AS (
    SELECT s.la, s.age_band, s.placement_group, CAST(s.children AS BIGINT) AS children_at_start
    FROM stock s JOIN forecast_settings f ON f.la = s.la AND f.scenario = 'base'
         AND s.month_end = f.start_date),
projection AS (
    SELECT la, date AS month_end, age_band, placement_group, p05, p25, p50, p75, p95
    FROM forecast WHERE scenario = 'base'
    UNION ALL
    SELECT la, date, age_band, 'all', p05, p25, p50, p75, p95 FROM forecast_age
    WHERE scenario = 'base')
SELECT la, month_end, age_band, placement_group, h.actual, st.children_at_start,
       round(p.p05, 1) AS p05, round(p.p25, 1) AS p25,
       round(p.p50, 1) AS p50, round(p.p75, 1) AS p75, round(p.p95, 1) AS p95
FROM history h FULL OUTER JOIN projection p USING (la, month_end, age_band, placement_group)
LEFT JOIN at_start st USING (la, age_band, placement_group)
-- each band's total only: its groups' small cells could be worked out from the
-- group charts' totals (PooledSuppressionTest), and the forecast view has them
WHERE placement_group = 'all'
