-- Each capacity row with its occupancy and, for the provisions the forecast knows
-- (provision_known, placed_in: rendered from CapacityProvision), the looked-after children the 903
-- has placed in it at the end of that day (counting-rules §6; block beds by the cost lines'
-- CONTRACT), null outside the LA's window and for an LA's own provision.
CREATE VIEW capacity_demand AS
WITH measured AS (
    SELECT c.*, provision_known(c.provision) AS known, w.la IS NOT NULL AS in_window
    FROM capacity c
    LEFT JOIN la_window w ON w.la = c.la
         AND c.date BETWEEN make_date(w.first_year - 1, 4, 1) AND make_date(w.last_year, 3, 31)),
demand AS (
    SELECT m.la, m.date, m.provision, count(DISTINCT e.child) AS children
    FROM measured m
    JOIN episodes e ON e.la = m.la AND e.decom <= m.date
                   AND (e.dec IS NULL OR e.dec > m.date) AND counted(e.legal_status)
    WHERE m.in_window AND m.known AND placed_in(m.provision, e.la, e.child, e.category, m.date)
    GROUP BY ALL)
SELECT m.la, m.date, m.provision, m.capacity, m.occupied,
       CASE WHEN m.known AND m.in_window THEN coalesce(d.children, 0) END AS demand,
       CASE WHEN m.capacity > 0 AND m.occupied IS NOT NULL
            THEN round(100.0 * m.occupied / m.capacity, 1) END AS occupancy
FROM measured m LEFT JOIN demand d USING (la, date, provision)
