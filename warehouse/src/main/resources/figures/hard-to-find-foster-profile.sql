SELECT la, year, count(*) AS hard_to_find,
       count(*) FILTER (WHERE age >= 11) AS aged_11_plus,
       round(100.0 * count(*) FILTER (WHERE age >= 11) / count(*), 1) AS aged_11_plus_share,
       count(*) FILTER (WHERE siblings >= 1) AS sibling_group,
       round(100.0 * count(*) FILTER (WHERE siblings >= 1) / count(*), 1) AS sibling_group_share,
       count(*) FILTER (WHERE urgency = 'same_day') AS same_day,
       round(100.0 * count(*) FILTER (WHERE urgency = 'same_day') / count(*), 1) AS same_day_share,
       count(*) FILTER (WHERE foster_ended_in_home) AS ended_in_home,
       round(100.0 * count(*) FILTER (WHERE foster_ended_in_home) / count(*), 1) AS ended_in_home_share
FROM placement_requests WHERE hard_to_find AND request_group = 'fostering' GROUP BY ALL
