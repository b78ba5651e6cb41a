SELECT la, month_end, home_kind(category) AS kind,
       CASE WHEN contract = 'in_house' THEN 'in_house' ELSE 'agency' END AS sector,
       sum(placements) AS placements, round(sum(annualised_cost), 2) AS annualised_cost,
       round(sum(annualised_cost) / 52 / sum(placements), 2) AS avg_weekly_cost
FROM placement_cost_month_end GROUP BY ALL
