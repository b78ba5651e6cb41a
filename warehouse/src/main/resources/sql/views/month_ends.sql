-- Every month end of each LA's data window (counting-rules §1 and §6).
CREATE VIEW month_ends AS
SELECT la, CAST(last_day(m) AS DATE) AS month_end
FROM (SELECT la, unnest(generate_series(make_date(first_year - 1, 4, 1), make_date(last_year, 3, 1),
                                       INTERVAL 1 MONTH)) AS m
      FROM la_window)
