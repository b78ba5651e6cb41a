SELECT a.la, a.horizon_months, a.placement_group, a.origins, f.fewest AS fewest_actual, a.mape,
       a.last_value_mape, a.trend_mape, a.inside_50, a.inside_90, a.best, a.method,
       a.constant_mape, a.damped_trend_mape
FROM forecast_accuracy a
JOIN (SELECT la, horizon_months, placement_group,
             coalesce(min(actual) FILTER (WHERE actual > 0), 0) AS fewest
      FROM forecast_backtest GROUP BY ALL) f USING (la, horizon_months, placement_group)
