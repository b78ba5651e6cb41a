SELECT la, year, age_band, count(*) AS requests, count(*) FILTER (WHERE hard_to_find) AS hard_to_find,
       round(100.0 * count(*) FILTER (WHERE hard_to_find) / count(*), 1) AS hard_to_find_share
FROM placement_requests GROUP BY ALL
