SELECT la, date, occupied, occupied_high, occupied_medium, occupied_low,
       CASE WHEN occupied > 0 THEN round(100.0 * occupied_high / occupied, 1) END AS high_share
FROM capacity WHERE provision = 'block_supported_beds'
