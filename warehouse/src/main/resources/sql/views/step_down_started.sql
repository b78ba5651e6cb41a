-- Strategy KPI 3: requests of type step_down_foster placed (OUTCOME_DATE) in each financial year
-- of the LA's window, zeros included, for every LA that loaded placement requests.
CREATE VIEW step_down_started AS
WITH years AS (
    SELECT la, unnest(range(first_year, last_year + 1)) AS year
    FROM la_window WHERE la IN (SELECT la FROM placement_requests)),
placed AS (
    SELECT la, collection_year(outcome_date) AS year, count(*) AS placements
    FROM placement_requests
    WHERE request_type = 'step_down_foster' AND outcome = 'placed' AND outcome_date IS NOT NULL
    GROUP BY ALL)
SELECT y.la, CAST(y.year AS INTEGER) AS year, coalesce(p.placements, 0) AS placements
FROM years y LEFT JOIN placed p USING (la, year)
