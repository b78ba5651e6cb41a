WITH placed AS (
    SELECT g.la, g.provision, CAST(g.demand_p50 AS BIGINT) AS placed_at_start
    FROM forecast_gap g
    JOIN forecast_settings s ON s.scenario = g.scenario AND s.la = g.la
         AND s.start_date = g.quarter_end
    WHERE g.scenario = 'base')
SELECT la, scenario, quarter_end, placement_group, provision, round(demand_p50, 1) AS demand_p50,
       round(demand_p95, 1) AS demand_p95, others, capacity, round(gap_p50, 1) AS gap_p50,
       round(gap_p95, 1) AS gap_p95, round(outside_p50, 1) AS outside_p50,
       round(outside_p95, 1) AS outside_p95, st.children_at_start, p.placed_at_start
FROM forecast_gap LEFT JOIN forecast_start st USING (la, placement_group)
LEFT JOIN placed p USING (la, provision)
