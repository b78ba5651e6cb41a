-- Children who ceased to be looked after by reason (counting-rules §7): the REC of the child's
-- last qualifying episode in the year (latest DEC, then latest DECOM). Sums to cla_year.ceased.
CREATE VIEW cla_ceased_reason AS
WITH ceased AS (
    SELECT la, child, collection_year(dec) AS year, rec,
           row_number() OVER (PARTITION BY la, child, collection_year(dec) ORDER BY dec DESC, decom DESC, rec DESC) AS pick
    FROM episodes
    WHERE dec IS NOT NULL AND rec IS NOT NULL AND rec <> 'X1' AND counted(legal_status))
SELECT c.la, CAST(c.year AS INTEGER) AS year, c.rec AS reason,
       CASE WHEN c.rec IN ('E11', 'E12') THEN 'adopted'
            WHEN c.rec IN ('E43', 'E44', 'E45', 'E46', 'E47', 'E48') THEN 'special_guardianship_order'
            WHEN c.rec = 'E41' THEN 'child_arrangement_order'
            WHEN c.rec IN ('E4A', 'E4B') THEN 'returned_home'
            WHEN c.rec IN ('E5', 'E6') THEN 'independent_living'
            ELSE 'other' END AS reason_group,
       count(*) AS children,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY c.la, c.year), 1) AS share
FROM ceased c JOIN la_window w ON w.la = c.la AND c.year BETWEEN w.first_year AND w.last_year
WHERE c.pick = 1
GROUP BY c.la, c.year, c.rec
