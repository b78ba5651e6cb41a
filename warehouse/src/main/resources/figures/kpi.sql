-- One strategy KPI's series (the figures kpi-*): ${kpi} is the KPI's id in kpi_month.
SELECT la, period_end, value, trajectory_value, rag, children, looked_after, baseline_date,
       baseline_value, target_date, target_value, polarity, tolerance, impact_since_baseline,
       baseline_children, baseline_looked_after, baseline_source, stated_baseline_value,
       target_source
FROM kpi_month WHERE kpi = '${kpi}'
