SELECT la, month_end, category, count(*) AS children FROM cla_month_end GROUP BY ALL
