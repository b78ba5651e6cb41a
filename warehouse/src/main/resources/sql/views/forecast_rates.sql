-- The base projection's fitted rates: for each observed change of state over the reference
-- period, the children who made it, the child-days of the state they left (the days of the
-- period, for entries) and the rate per year (per child, or children per year for entries).
CREATE VIEW forecast_rates AS
WITH period AS (
    SELECT la, reference_from, reference_to,
           date_diff('day', reference_from, reference_to) + 1 AS days
    FROM forecast_settings WHERE scenario = 'base'),
flows AS (
    SELECT f.la, f.from_age_band, f.from_group, f.to_age_band, f.to_group, sum(f.children) AS children
    FROM forecast_flows f JOIN period p ON p.la = f.la
    WHERE f.month_end BETWEEN p.reference_from AND p.reference_to GROUP BY ALL),
exposure AS (
    SELECT s.la, s.age_band, s.placement_group, sum(s.child_days) AS child_days
    FROM forecast_stock s JOIN period p ON p.la = s.la
    WHERE s.month_end BETWEEN p.reference_from AND p.reference_to GROUP BY ALL)
SELECT f.la, p.reference_from, p.reference_to, f.from_age_band, f.from_group, f.to_age_band, f.to_group,
       f.children,
       CASE WHEN f.from_group = 'not_in_care' THEN p.days ELSE e.child_days END AS exposure_days,
       round(f.children * 365.25 / CASE WHEN f.from_group = 'not_in_care' THEN p.days
                                        ELSE nullif(e.child_days, 0) END, 4) AS rate_per_year
FROM flows f JOIN period p ON p.la = f.la
LEFT JOIN exposure e ON e.la = f.la AND e.age_band = f.from_age_band AND e.placement_group = f.from_group
