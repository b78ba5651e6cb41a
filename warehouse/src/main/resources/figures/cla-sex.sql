SELECT la, month_end, sex, count(*) AS children FROM cla_month_end GROUP BY ALL
