SELECT la, month_end, age_band, count(*) AS children,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY la, month_end), 1) AS share,
       min(age_band_order(age_band)) AS group_order
FROM (SELECT * FROM cla_month_end) WHERE month(month_end) = 3 GROUP BY la, month_end, age_band
