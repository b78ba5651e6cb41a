-- Children looked after at each month end by forecast placement group, with all: what projections continue.
CREATE VIEW forecast_history AS
SELECT la, month_end, placement_group, sum(children) AS children FROM forecast_stock GROUP BY ALL
UNION ALL
SELECT la, month_end, 'all', sum(children) FROM forecast_stock GROUP BY ALL
