-- Placements, annualised cost (Σ fee × 52) and mean fee at each month end, by category and contract.
CREATE VIEW placement_cost_month_end AS
SELECT la, month_end, category, contract, count(*) AS placements,
       round(sum(weekly_cost) * 52, 2) AS annualised_cost, round(avg(weekly_cost), 2) AS avg_weekly_cost
FROM cost_lines_at_month_end()
GROUP BY la, month_end, category, contract
