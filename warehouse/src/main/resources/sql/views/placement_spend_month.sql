-- Spend (Σ over covered days of fee ÷ 7) in each calendar month of the window; placements counts
-- the cost lines with a covered day in it, so spend can be suppressed with them.
CREATE VIEW placement_spend_month AS
SELECT la, month_end, category, contract, round(sum(fee_days) / 7, 2) AS spend,
       CAST(sum(days) AS BIGINT) AS cost_days, count(DISTINCT cost_line) AS placements,
       count(DISTINCT child) AS children
FROM cost_days_by_month()
GROUP BY la, month_end, category, contract
