SELECT la, method, chosen_by, origins, constant_mape_12, damped_trend_mape_12, constant_mape_24,
       damped_trend_mape_24
FROM forecast_method
