WITH s20 AS (
    SELECT la, month_end,
           CASE WHEN age IS NULL THEN 'Unknown' WHEN age <= 5 THEN '0-5' WHEN age <= 10 THEN '6-10'
                WHEN age <= 13 THEN '11-13' WHEN age <= 15 THEN '14-15' ELSE '16-17' END AS age_group
    FROM cla_month_end WHERE legal_status = 'V2' AND month(month_end) = 3),
cells AS (  -- every band at every 31 March, as the strategy's table; Unknown only when some child is
    SELECT m.la, m.month_end, g.age_group, g.age_group_order
    FROM month_ends m CROSS JOIN (VALUES ('0-5', 1), ('6-10', 2), ('11-13', 3), ('14-15', 4),
                                         ('16-17', 5)) g(age_group, age_group_order)
    WHERE month(m.month_end) = 3
    UNION ALL
    SELECT DISTINCT la, month_end, 'Unknown', 6 FROM s20 WHERE age_group = 'Unknown'),
counts AS (SELECT la, month_end, age_group, count(*) AS children FROM s20 GROUP BY ALL)
SELECT c.la, c.month_end, c.age_group, c.age_group_order, coalesce(n.children, 0) AS children,
       round(100.0 * coalesce(n.children, 0)
             / nullif(sum(coalesce(n.children, 0)) OVER (PARTITION BY c.la, c.month_end), 0), 1) AS share
FROM cells c LEFT JOIN counts n USING (la, month_end, age_group)
