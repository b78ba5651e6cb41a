-- Children in each group (and all) at the start of the LA's projection: what every
-- projected figure of the group grows from, so small ones hide with it (counting-rules §9).
CREATE VIEW forecast_start AS
SELECT s.la, h.placement_group, h.children AS children_at_start
FROM forecast_settings s JOIN forecast_history h ON h.la = s.la AND h.month_end = s.start_date
WHERE s.scenario = 'base'
