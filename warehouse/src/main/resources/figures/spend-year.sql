SELECT la, year, category, sum(children) AS children, round(sum(spend), 2) AS spend
FROM placement_spend_year GROUP BY ALL
