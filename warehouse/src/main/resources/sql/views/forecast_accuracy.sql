-- Backtest summary per LA, horizon and group: mean absolute percentage error of the model's
-- median (the LA's method) and of its rivals: the two naive forecasts and the expected paths of
-- both methods (over origins whose actual was not 0); the share of outcomes inside the 50%
-- (p25-p75) and 90% (p05-p95) bands (percent, one decimal); and which forecast erred least,
-- the other method counting as a rival (constant or damped_trend).
CREATE VIEW forecast_accuracy AS
SELECT la, horizon_months, placement_group, origins, mape, last_value_mape, trend_mape,
       inside_50, inside_90,
       CASE WHEN mape IS NULL THEN NULL  -- a forecast without an error (no trend yet) never wins
            WHEN mape <= coalesce(last_value_mape, 'infinity') AND mape <= coalesce(trend_mape, 'infinity')
                 AND mape <= coalesce(rival_mape, 'infinity') THEN 'model'
            WHEN coalesce(last_value_mape, 'infinity') <= coalesce(trend_mape, 'infinity')
                 AND coalesce(last_value_mape, 'infinity') <= coalesce(rival_mape, 'infinity') THEN 'last_value'
            WHEN coalesce(trend_mape, 'infinity') <= coalesce(rival_mape, 'infinity') THEN 'trend'
            ELSE rival END AS best,
       method, constant_mape, damped_trend_mape
FROM (SELECT *, CASE method WHEN 'constant' THEN damped_trend_mape ELSE constant_mape END AS rival_mape,
                CASE method WHEN 'constant' THEN 'damped_trend' ELSE 'constant' END AS rival
      FROM (SELECT la, horizon_months, placement_group, count(*) AS origins,
                   round(avg(abs_pct_error), 1) AS mape,
                   round(avg(last_value_abs_pct_error), 1) AS last_value_mape,
                   round(avg(trend_abs_pct_error), 1) AS trend_mape,
                   round(100.0 * avg(CASE WHEN actual BETWEEN p25 AND p75 THEN 1 ELSE 0 END), 1) AS inside_50,
                   round(100.0 * avg(CASE WHEN actual BETWEEN p05 AND p95 THEN 1 ELSE 0 END), 1) AS inside_90,
                   min(method) AS method,
                   round(avg(constant_abs_pct_error), 1) AS constant_mape,
                   round(avg(damped_trend_abs_pct_error), 1) AS damped_trend_mape
            FROM forecast_backtest GROUP BY la, horizon_months, placement_group))
