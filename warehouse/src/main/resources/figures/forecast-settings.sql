SELECT la, scenario, start_date, reference_from, reference_to, end_date, runs, seed,
       round(100 * fee_inflation, 2) AS fee_inflation_pct
FROM forecast_settings
