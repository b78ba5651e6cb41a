-- The targets of each LA and KPI: the LA's own rows only (its name or any code of it), never a
-- row for every LA or another council's. A snapshot written when the seed's targets were a
-- default for every LA (la null) gives those to nobody.
CREATE VIEW kpi_targets_by_la AS
SELECT la, kpi, baseline_date, baseline_value, target_date, target_value, polarity, tolerance, source
FROM (SELECT l.la, t.kpi, t.baseline_date, t.baseline_value, t.target_date, t.target_value, t.polarity,
             t.tolerance, t.source,
             row_number() OVER (PARTITION BY l.la, t.kpi
                                ORDER BY upper(trim(t.la)) = upper(trim(l.la)) DESC, t.source DESC) AS pick
      FROM (SELECT DISTINCT la FROM la_window) l
      JOIN kpi_targets t ON t.la IS NOT NULL
       AND upper(trim(t.la)) IN (SELECT alias FROM la_aliases a WHERE a.la = l.la))
WHERE pick = 1
