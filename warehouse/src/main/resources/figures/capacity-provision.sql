SELECT la, date, provision, capacity, occupied,
       CASE WHEN capacity > 0 THEN round(100.0 * occupied / capacity, 1) END AS occupancy
FROM capacity
