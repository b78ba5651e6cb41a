-- Cost lines covering each month end (a line has at most one segment on a day): the rows the
-- month-end cost views count.
CREATE MACRO cost_lines_at_month_end() AS TABLE
SELECT m.la, m.month_end, s.child, s.cost_line, s.category, s.contract, s.provider, s.weekly_cost
FROM month_ends m
JOIN placement_cost_segments s ON s.la = m.la AND s.seg_from <= m.month_end AND s.seg_to >= m.month_end
