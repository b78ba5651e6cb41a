SELECT la, month_end, category, count(*) AS children,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY la, month_end), 1) AS share
FROM cla_month_end WHERE legal_status = 'V2' AND month(month_end) = 3
GROUP BY la, month_end, category
