SELECT la, month_end, legal_status, count(*) AS children FROM cla_month_end GROUP BY ALL
