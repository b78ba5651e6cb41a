SELECT la, month_end, age_band, count(*) AS children FROM cla_month_end GROUP BY ALL
