-- Children looked after at each month end of the window, one row per child (counting-rules
-- §6): derived on read, so the large child-month grain is never written to disk.
CREATE VIEW cla_month_end AS
SELECT la, month_end, child, age,
       age_band(age) AS age_band,
       sex, legal_status, placement, provider, category
FROM (SELECT m.la, m.month_end, e.child, age_on(c.dob, m.month_end) AS age, coalesce(c.sex, 'unknown') AS sex,
             e.legal_status, e.placement, e.provider, e.category
      FROM month_ends m
      JOIN episodes e ON e.la = m.la AND e.decom <= m.month_end
                     AND (e.dec IS NULL OR e.dec > m.month_end)
      LEFT JOIN children c ON c.la = e.la AND c.child = e.child
      WHERE counted(e.legal_status))
