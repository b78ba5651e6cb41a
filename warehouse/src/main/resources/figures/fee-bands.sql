SELECT la, month_end, fee_band, fee_band_order, sum(placements) AS placements
FROM placement_fee_bands GROUP BY ALL
