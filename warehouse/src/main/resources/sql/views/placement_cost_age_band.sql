-- Month-end placements and cost by the child's DfE age band on that day (counting-rules §6).
CREATE VIEW placement_cost_age_band AS
SELECT la, month_end, age_band,
       age_band_order(age_band) AS age_band_order,
       count(*) AS placements, round(sum(weekly_cost) * 52, 2) AS annualised_cost,
       round(avg(weekly_cost), 2) AS avg_weekly_cost
FROM (SELECT a.la, a.month_end, a.weekly_cost,
             age_band(age) AS age_band
      FROM (SELECT a.*, age_on(c.dob, a.month_end) AS age
            FROM cost_lines_at_month_end() a LEFT JOIN children c ON c.la = a.la AND c.child = a.child) a)
GROUP BY la, month_end, age_band
