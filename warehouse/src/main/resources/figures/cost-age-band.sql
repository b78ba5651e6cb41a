SELECT la, month_end, age_band, age_band_order, placements, annualised_cost, avg_weekly_cost
FROM placement_cost_age_band
