-- In-house against IFA non-connected foster placements (counting-rules §8) by age band at each
-- quarter end of the window, the IFA share, and kinship placements; All totals the bands.
CREATE VIEW fostering_quarter AS
WITH quarter_ends AS (
    SELECT la, month_end AS quarter_end FROM month_ends WHERE month(month_end) IN (3, 6, 9, 12)),
fostered AS (
    SELECT la, month_end AS quarter_end, category,
           CASE WHEN age IS NULL THEN 'Unknown' WHEN age <= 5 THEN '0-5' WHEN age <= 10 THEN '6-10'
                ELSE '11+' END AS age_group
    FROM cla_month_end
    WHERE month(month_end) IN (3, 6, 9, 12)
      AND category IN ('foster_inhouse', 'foster_ifa', 'foster_other', 'foster_kinship')),
counts AS (
    SELECT la, quarter_end, coalesce(age_group, 'All') AS age_group,
           count(*) FILTER (WHERE category = 'foster_inhouse') AS inhouse,
           count(*) FILTER (WHERE category = 'foster_ifa') AS ifa,
           count(*) FILTER (WHERE category = 'foster_other') AS other_non_connected,
           count(*) FILTER (WHERE category = 'foster_kinship') AS kinship
    FROM fostered GROUP BY GROUPING SETS ((la, quarter_end, age_group), (la, quarter_end))),
cells AS (
    SELECT q.la, q.quarter_end, g.age_group, g.position
    FROM quarter_ends q
    CROSS JOIN (VALUES ('0-5', 1), ('6-10', 2), ('11+', 3), ('All', 5)) g(age_group, position)
    UNION ALL
    SELECT DISTINCT la, quarter_end, 'Unknown', 4 FROM fostered WHERE age_group = 'Unknown')
SELECT c.la, c.quarter_end, c.age_group,
       coalesce(n.inhouse, 0) AS inhouse, coalesce(n.ifa, 0) AS ifa,
       CASE WHEN coalesce(n.inhouse, 0) + coalesce(n.ifa, 0) > 0
            THEN round(100.0 * n.ifa / (n.inhouse + n.ifa), 1) END AS ifa_share,
       coalesce(n.kinship, 0) AS kinship, coalesce(n.other_non_connected, 0) AS other_non_connected,
       c.position AS age_group_order
FROM cells c LEFT JOIN counts n USING (la, quarter_end, age_group)
