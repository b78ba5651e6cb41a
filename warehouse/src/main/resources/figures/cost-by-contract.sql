SELECT la, month_end, home_kind(category) AS kind, contract, provider, sum(placements) AS placements,
       round(sum(annualised_cost), 2) AS annualised_cost,
       round(sum(annualised_cost) / 52 / sum(placements), 2) AS avg_weekly_cost
FROM placement_cost_month_end_provider WHERE month(month_end) = 3 GROUP BY ALL
