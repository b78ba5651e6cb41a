WITH history AS (
    SELECT la, month_end, placement_group, CAST(children AS BIGINT) AS actual
    FROM (SELECT *, max(month_end) OVER (PARTITION BY la) AS latest FROM forecast_history)
    WHERE month_end > latest - INTERVAL 3 YEAR),
projection AS (
    SELECT la, date AS month_end, placement_group, p05, p25, p50, p75, p95
    FROM forecast_group WHERE scenario = 'base')
SELECT la, month_end, placement_group, h.actual, st.children_at_start,
       round(p.p05, 1) AS p05, round(p.p25, 1) AS p25,
       round(p.p50, 1) AS p50, round(p.p75, 1) AS p75, round(p.p95, 1) AS p95
FROM history h FULL OUTER JOIN projection p USING (la, month_end, placement_group)
LEFT JOIN forecast_start st USING (la, placement_group)
