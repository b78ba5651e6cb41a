SELECT m.la, m.month_end, coalesce(s.children, 0) AS children, p.population_0_17,
       CASE WHEN p.population_0_17 > 0
            THEN round(coalesce(s.children, 0) * 10000.0 / p.population_0_17, 1) END AS rate_per_10000
FROM month_ends m
LEFT JOIN (SELECT la, month_end, count(*) AS children FROM cla_month_end GROUP BY ALL) s
       USING (la, month_end)
LEFT JOIN population p ON p.area = upper(trim(m.la))
      AND p.calendar_year = collection_year(m.month_end) - 1
