-- Which KPIs each LA's data can compute, so a page can say "not loaded yet" instead of showing zero.
CREATE VIEW kpi_status AS
WITH kpis(position, kpi, description, needs) AS (VALUES
    (1, 'with_parents_share', 'Placements with parents, % of children looked after', NULL),
    (2, 'fostering_share', 'Foster placements, % of children looked after', NULL),
    (3, 'step_down_started', 'Step-down into fostering placements started per year',
        'placement requests (placement_requests*.csv, inputs.md §3)'),
    (4, 'childrens_homes_share', 'Children looked after in children''s homes, % of children looked after',
        NULL),
    (5, 'block_supported_high_priority_share',
        'Block supported accommodation used by high-priority young people, % of occupied beds',
        'capacity with occupied beds by priority (capacity*.csv, inputs.md §4)'))
SELECT l.la, k.kpi, k.needs IS NULL OR x.la IS NOT NULL AS loaded,
       CASE WHEN k.needs IS NULL THEN 'computed from the 903 episodes at each month end'
            WHEN x.la IS NOT NULL THEN x.reason
            ELSE 'not loaded yet: needs ' || k.needs END AS reason,
       k.description, k.position, t.source AS target_source
FROM (SELECT DISTINCT la FROM la_window) l CROSS JOIN kpis k
LEFT JOIN (
    SELECT DISTINCT la, 'step_down_started' AS kpi,
           'computed from the placement requests: step-down requests placed in each financial year' AS reason
    FROM placement_requests
    UNION ALL
    SELECT DISTINCT la, 'block_supported_high_priority_share',
           'computed from capacity: block supported beds occupied by high-priority young people at each date'
    FROM capacity
    WHERE provision = 'block_supported_beds' AND occupied > 0 AND occupied_high IS NOT NULL) x
  ON x.la = l.la AND x.kpi = k.kpi
LEFT JOIN kpi_targets_by_la t ON t.la = l.la AND t.kpi = k.kpi
