SELECT c.la, c.scenario, c.year, c.placement_group, CAST(h.children AS BIGINT) AS children_at_start,
       c.fee_children,
       round(c.weekly_fee, 2) AS weekly_fee, round(c.cost_p50, 0) AS cost_p50,
       round(c.cost_p05, 0) AS cost_p05, round(c.cost_p95, 0) AS cost_p95,
       round(c.cost_expected, 0) AS cost_expected,
       round(c.cost_expected - b.cost_expected, 0) AS difference_expected
FROM forecast_cost_year c
LEFT JOIN forecast_cost_year b ON b.scenario = 'base' AND b.la = c.la AND b.year = c.year
     AND b.placement_group = c.placement_group
LEFT JOIN forecast_settings s ON s.scenario = c.scenario AND s.la = c.la
LEFT JOIN forecast_history h ON h.la = c.la AND h.month_end = s.start_date
     AND h.placement_group = c.placement_group
