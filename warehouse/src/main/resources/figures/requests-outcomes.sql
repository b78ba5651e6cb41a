SELECT la, year, request_group, outcome, count(*) AS requests,
       median(days_to_outcome) AS median_days_to_outcome
FROM placement_requests GROUP BY ALL
