-- Placements and cost at each month end by category, contract and provider group (the episode's
-- PLACE_PROVIDER code; null when unlinked).
CREATE VIEW placement_cost_month_end_provider AS
SELECT la, month_end, category, contract, provider, count(*) AS placements,
       round(sum(weekly_cost) * 52, 2) AS annualised_cost, round(avg(weekly_cost), 2) AS avg_weekly_cost
FROM cost_lines_at_month_end()
GROUP BY la, month_end, category, contract, provider
