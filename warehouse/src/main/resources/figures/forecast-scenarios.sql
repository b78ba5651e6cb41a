SELECT g.la, g.scenario, g.date AS month_end, g.placement_group, round(g.p50, 1) AS p50,
       round(g.p05, 1) AS p05, round(g.p95, 1) AS p95, round(g.expected, 1) AS expected,
       round(g.expected - b.expected, 1) AS difference_expected, st.children_at_start
FROM forecast_group g
JOIN forecast_group b ON b.scenario = 'base' AND b.la = g.la AND b.date = g.date
     AND b.placement_group = g.placement_group
LEFT JOIN forecast_start st ON st.la = g.la AND st.placement_group = g.placement_group
WHERE month(g.date) = 3 AND day(g.date) = 31
