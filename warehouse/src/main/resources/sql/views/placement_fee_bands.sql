-- Month-end placements by weekly fee band: the highest-cost placements as counts, never rows.
CREATE VIEW placement_fee_bands AS
SELECT la, month_end, category,
       CASE band WHEN 1 THEN 'under £500' WHEN 2 THEN '£500-£999' WHEN 3 THEN '£1,000-£2,499'
                 WHEN 4 THEN '£2,500-£4,999' WHEN 5 THEN '£5,000-£9,999' ELSE '£10,000 and over' END AS fee_band,
       band AS fee_band_order, count(*) AS placements
FROM (SELECT la, month_end, category,
             CASE WHEN weekly_cost < 500 THEN 1 WHEN weekly_cost < 1000 THEN 2 WHEN weekly_cost < 2500 THEN 3
                  WHEN weekly_cost < 5000 THEN 4 WHEN weekly_cost < 10000 THEN 5 ELSE 6 END AS band
      FROM cost_lines_at_month_end())
GROUP BY la, month_end, category, band
