-- Each cost segment's covered days in each calendar month of the window, with its fee × days: the
-- rows the spend views sum.
CREATE MACRO cost_days_by_month() AS TABLE
SELECT la, month_end, category, contract, provider, child, cost_line, days, weekly_cost * days AS fee_days
FROM (SELECT m.la, m.month_end, s.category, s.contract, s.provider, s.child, s.cost_line, s.weekly_cost,
             date_diff('day', greatest(s.seg_from, make_date(year(m.month_end), month(m.month_end), 1)),
                       least(s.seg_to, m.month_end)) + 1 AS days
      FROM month_ends m
      JOIN placement_cost_segments s ON s.la = m.la AND s.seg_from <= m.month_end
       AND s.seg_to >= make_date(year(m.month_end), month(m.month_end), 1))
