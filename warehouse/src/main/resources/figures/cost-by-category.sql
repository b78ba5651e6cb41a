SELECT la, month_end, category, sum(placements) AS placements,
       round(sum(annualised_cost), 2) AS annualised_cost,
       round(sum(annualised_cost) / 52 / sum(placements), 2) AS avg_weekly_cost
FROM placement_cost_month_end GROUP BY ALL
