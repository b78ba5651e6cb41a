-- Each LA and collection year of its window: stock at 31 March, children who started and ceased,
-- the rate per 10,000 and placement moves (counting-rules §6 and §7).
CREATE VIEW cla_year AS
WITH years AS (
    SELECT la, unnest(range(first_year, last_year + 1)) AS year FROM la_window),
stock AS (
    SELECT la, year(month_end) AS year, count(*) AS n
    FROM cla_month_end WHERE month(month_end) = 3 GROUP BY ALL),
started AS (
    SELECT la, collection_year(decom) AS year, count(DISTINCT child) AS n FROM episodes
    WHERE rne = 'S' AND counted(legal_status) GROUP BY ALL),
ceased AS (
    SELECT la, collection_year(dec) AS year, count(DISTINCT child) AS n FROM episodes
    WHERE dec IS NOT NULL AND rec IS NOT NULL AND rec <> 'X1'
      AND counted(legal_status) GROUP BY ALL),
moves AS (  -- §7 counts episodes, not children: a child moved twice counts twice
    SELECT la, collection_year(decom) AS year, count(*) AS n FROM episodes
    WHERE rne IN ('P', 'T', 'B', 'U') AND counted(legal_status) GROUP BY ALL)
SELECT y.la, CAST(y.year AS INTEGER) AS year,
       coalesce(stock.n, 0) AS looked_after_31_march,
       coalesce(started.n, 0) AS started,
       coalesce(ceased.n, 0) AS ceased,
       p.population_0_17,
       CASE WHEN p.population_0_17 > 0
            THEN round(coalesce(stock.n, 0) * 10000.0 / p.population_0_17, 1) END AS rate_per_10000,
       coalesce(moves.n, 0) AS placement_moves
FROM years y
LEFT JOIN stock USING (la, year)
LEFT JOIN started USING (la, year)
LEFT JOIN ceased USING (la, year)
LEFT JOIN moves USING (la, year)
LEFT JOIN population p ON p.area = upper(trim(y.la)) AND p.calendar_year = y.year - 1
