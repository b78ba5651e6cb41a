-- Covered days and spend with no active episode, per LA and financial year.
CREATE VIEW cost_data_quality AS
SELECT la, CAST(collection_year(month_end) AS INTEGER) AS year, CAST(sum(days) AS BIGINT) AS cost_days,
       CAST(coalesce(sum(days) FILTER (WHERE category = 'unlinked'), 0) AS BIGINT) AS unlinked_days,
       round(100.0 * coalesce(sum(days) FILTER (WHERE category = 'unlinked'), 0) / sum(days), 1)
           AS unlinked_share,
       round(sum(fee_days) / 7, 2) AS spend,
       coalesce(round(sum(fee_days) FILTER (WHERE category = 'unlinked') / 7, 2), 0) AS unlinked_spend,
       count(DISTINCT child) AS children,
       count(DISTINCT child) FILTER (WHERE category = 'unlinked') AS unlinked_children
FROM cost_days_by_month()
GROUP BY ALL
