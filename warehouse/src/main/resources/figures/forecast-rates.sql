SELECT la, reference_from, reference_to, from_age_band, from_group, to_age_band, to_group,
       CAST(children AS BIGINT) AS children, CAST(exposure_days AS BIGINT) AS exposure_days,
       rate_per_year
FROM forecast_rates
