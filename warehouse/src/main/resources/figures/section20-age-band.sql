SELECT la, month_end, age_band, count(*) AS children FROM cla_month_end
WHERE legal_status = 'V2' AND month(month_end) = 3 GROUP BY ALL
