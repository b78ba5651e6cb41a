-- Spend in each financial year (ending 31 March) of the window.
CREATE VIEW placement_spend_year AS
SELECT la, CAST(collection_year(month_end) AS INTEGER) AS year, category, contract,
       round(sum(fee_days) / 7, 2) AS spend,
       CAST(sum(days) AS BIGINT) AS cost_days, count(DISTINCT cost_line) AS placements,
       count(DISTINCT child) AS children
FROM cost_days_by_month()
GROUP BY ALL
