-- Each LA and year of the warehouse against England, its region and its statistical neighbours
-- (mean and median, latest model that lists it), with its rank among all LAs (1 = lowest rate)
-- and quartile band by polarity. The LA's own rate is the warehouse's; the others are published.
-- The LA's own count and rate are checked against DfE's published figures for it: they differ
-- when the count is off by more than 5% of DfE's count and by more than 5 children, or the rate by
-- more than 5% of DfE's rate and by more than 1 per 10,000 (DfE publishes whole-number rates; the
-- LA's own extract differs from its final return by a few late amendments), and a figure that
-- differs is ranked on DfE's rate.
CREATE VIEW benchmark_comparison AS
WITH measures(measure, polarity) AS (VALUES
    ('looked_after_31_march', 'down'), ('started', 'none'), ('ceased', 'none')),
own_counted AS (
    SELECT y.la, y.year, m.measure, m.polarity,
           CASE m.measure WHEN 'looked_after_31_march' THEN y.looked_after_31_march
                          WHEN 'started' THEN y.started ELSE y.ceased END AS la_children,
           CASE WHEN m.measure = 'looked_after_31_march' THEN y.rate_per_10000
                WHEN y.population_0_17 > 0 THEN round(
                    CASE m.measure WHEN 'started' THEN y.started ELSE y.ceased END * 10000.0
                    / y.population_0_17, 1) END AS la_rate
    FROM cla_year y CROSS JOIN measures m),
aliases AS MATERIALIZED (SELECT la, alias FROM la_aliases),
la_rows AS MATERIALIZED (
    SELECT row_number() OVER () AS id, area, area_code_old, area_code_new, region, year, measure,
           rate_per_10000, children
    FROM benchmark_rates WHERE area_type = 'la'),
row_keys AS MATERIALIZED (
    SELECT DISTINCT id, key
    FROM (SELECT id, unnest([upper(area), upper(area_code_old), upper(area_code_new)]) AS key FROM la_rows)
    WHERE key IS NOT NULL),
own_ids AS MATERIALIZED (
    SELECT DISTINCT a.la, k.id FROM aliases a JOIN row_keys k ON k.key = a.alias),
own_rows AS (
    SELECT o.la, r.year, r.measure, r.region, r.rate_per_10000, r.children
    FROM own_ids o JOIN la_rows r USING (id)),
la_region AS (
    SELECT la, arg_max(region, year) AS region FROM own_rows WHERE region IS NOT NULL GROUP BY la),
dfe_own AS (
    SELECT la, year, measure, max(rate_per_10000) AS dfe_rate, max(children) AS dfe_children
    FROM own_rows GROUP BY ALL),
own AS MATERIALIZED (  -- checked against DfE's published figure for the LA
    SELECT o.*, d.dfe_rate, d.dfe_children,
           CASE WHEN d.dfe_rate IS NULL AND d.dfe_children IS NULL THEN NULL
                WHEN abs(o.la_children - d.dfe_children) > greatest(0.05 * d.dfe_children, 5)
                  OR abs(o.la_rate - d.dfe_rate) > greatest(0.05 * d.dfe_rate, 1) THEN 'differs'
                ELSE 'agrees' END AS dfe_check
    FROM own_counted o LEFT JOIN dfe_own d USING (la, year, measure)),
ranked AS (  -- a figure that differs from DfE's is ranked on DfE's
    SELECT *, CASE WHEN dfe_check = 'differs' AND dfe_rate IS NOT NULL THEN dfe_rate
                   ELSE la_rate END AS rank_rate,
              CASE WHEN dfe_check = 'differs' AND dfe_rate IS NOT NULL THEN 'published'
                   WHEN la_rate IS NOT NULL THEN 'warehouse' END AS ranked_on
    FROM own),
england AS (
    SELECT year, measure, max(rate_per_10000) AS rate FROM benchmark_rates
    WHERE area_type = 'england' GROUP BY ALL),
regions AS (
    SELECT upper(area) AS region_key, year, measure, max(rate_per_10000) AS rate FROM benchmark_rates
    WHERE area_type = 'region' GROUP BY ALL),
published_sn AS (
    SELECT a.la, b.year, b.measure, max(b.rate_per_10000) AS rate
    FROM aliases a JOIN benchmark_rates b
      ON b.area_type = 'statistical_neighbours' AND upper(b.area) = a.alias
    GROUP BY ALL),
sn_rows AS MATERIALIZED (
    SELECT DISTINCT a.la, s.neighbour_code, s.neighbour_name, s.rank, s.model
    FROM aliases a JOIN statistical_neighbours s ON a.alias = upper(s.la_code)
    UNION
    SELECT DISTINCT a.la, s.neighbour_code, s.neighbour_name, s.rank, s.model
    FROM aliases a JOIN statistical_neighbours s ON a.alias = upper(s.la_name)),
sn_model AS (
    SELECT la, arg_max(model, coalesce(TRY_CAST(model AS INTEGER), 0)) AS model FROM sn_rows GROUP BY la),
sn_rates AS (
    SELECT s.la, r.year, r.measure, s.rank, max(r.rate_per_10000) AS rate
    FROM sn_rows s JOIN sn_model m ON m.la = s.la AND m.model = s.model
    JOIN row_keys k ON k.key = upper(coalesce(s.neighbour_code, s.neighbour_name))
    JOIN la_rows r ON r.id = k.id
    WHERE r.rate_per_10000 IS NOT NULL
    GROUP BY ALL),
sn_stats AS (
    SELECT la, year, measure, round(avg(rate), 1) AS sn_mean, round(median(rate), 1) AS sn_median,
           count(*) AS sn_count
    FROM sn_rates GROUP BY ALL),
positions AS (
    SELECT o.la, o.year, o.measure, count(*) + 1 AS las_ranked,
           count(*) FILTER (WHERE r.rate_per_10000 < o.rank_rate) + 1 AS rank,
           CASE WHEN o.polarity = 'up' THEN count(*) FILTER (WHERE r.rate_per_10000 > o.rank_rate)
                ELSE count(*) FILTER (WHERE r.rate_per_10000 < o.rank_rate) END AS better_placed
    FROM ranked o
    JOIN la_rows r ON r.year = o.year AND r.measure = o.measure AND r.rate_per_10000 IS NOT NULL
    LEFT JOIN own_ids x ON x.la = o.la AND x.id = r.id
    WHERE o.rank_rate IS NOT NULL AND x.id IS NULL
    GROUP BY o.la, o.year, o.measure, o.polarity)
SELECT o.la, o.year, o.measure, o.polarity, o.la_rate, o.dfe_rate AS dfe_la_rate,
       e.rate AS england_rate, lr.region, rg.rate AS region_rate,
       s.sn_mean, s.sn_median, coalesce(s.sn_count, 0) AS sn_count, m.model AS sn_model,
       p.rate AS sn_published_rate,
       CAST(pos.rank AS INTEGER) AS rank, CAST(pos.las_ranked AS INTEGER) AS las_ranked,
       CASE WHEN pos.las_ranked IS NULL THEN NULL
            WHEN pos.better_placed / pos.las_ranked < 0.25 THEN 'A'
            WHEN pos.better_placed / pos.las_ranked < 0.5 THEN 'B'
            WHEN pos.better_placed / pos.las_ranked < 0.75 THEN 'C'
            ELSE 'D' END AS quartile_band,
       o.la_children, o.dfe_children AS dfe_la_children, o.dfe_check,
       o.la_children - o.dfe_children AS children_difference,
       round(o.la_rate - o.dfe_rate, 1) AS rate_difference, o.ranked_on
FROM ranked o
LEFT JOIN england e ON e.year = o.year AND e.measure = o.measure
LEFT JOIN la_region lr ON lr.la = o.la
LEFT JOIN regions rg ON rg.region_key = upper(lr.region) AND rg.year = o.year AND rg.measure = o.measure
LEFT JOIN sn_stats s ON s.la = o.la AND s.year = o.year AND s.measure = o.measure
LEFT JOIN sn_model m ON m.la = o.la
LEFT JOIN published_sn p ON p.la = o.la AND p.year = o.year AND p.measure = o.measure
LEFT JOIN positions pos ON pos.la = o.la AND pos.year = o.year AND pos.measure = o.measure
