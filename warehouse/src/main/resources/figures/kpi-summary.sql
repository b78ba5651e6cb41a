SELECT s.la, s.position, s.description, m.period_end, m.value, m.baseline_date, m.baseline_value,
       m.target_value, m.target_date, m.impact_since_baseline, m.rag, m.children, m.looked_after,
       m.baseline_children, m.baseline_looked_after, m.baseline_source,
       coalesce(s.target_source, 'no target set') AS target_source
FROM kpi_status s
LEFT JOIN (SELECT *, row_number() OVER (PARTITION BY la, kpi ORDER BY period_end DESC) AS pick
           FROM kpi_month WHERE value IS NOT NULL) m
       ON m.la = s.la AND m.kpi = s.kpi AND m.pick = 1
WHERE s.loaded
