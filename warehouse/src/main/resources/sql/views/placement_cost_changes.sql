-- Fee changes by the month a line starts in: lines whose child's previous line named the same
-- provider at a different fee, by the category of the line's first day.
CREATE VIEW placement_cost_changes AS
SELECT la, CAST(last_day(cost_from) AS DATE) AS month_end, category, count(*) AS fee_changes,
       count(*) FILTER (WHERE weekly_cost > previous_weekly_cost) AS increases,
       count(*) FILTER (WHERE weekly_cost < previous_weekly_cost) AS decreases,
       round(avg(CASE WHEN previous_weekly_cost > 0
                      THEN 100 * (weekly_cost - previous_weekly_cost) / previous_weekly_cost END), 1)
           AS avg_change_pct,
       round(avg(weekly_cost - previous_weekly_cost), 2) AS avg_change
FROM placement_cost_segments
WHERE seg_from = cost_from AND previous_weekly_cost IS NOT NULL AND weekly_cost <> previous_weekly_cost
GROUP BY ALL
