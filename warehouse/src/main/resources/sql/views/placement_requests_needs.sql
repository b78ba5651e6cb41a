-- For each LA, financial year and request group with a hard-to-find request: every need and risk a
-- referral names (inputs.md §3, in its order), the hard-to-find requests, how many of them name the
-- need, and that share (%, one decimal).
CREATE VIEW placement_requests_needs AS
WITH needs AS (
    SELECT la, year, request_group, unnest([
               {'need': 'emotional', 'need_order': 1, 'named': need_emotional},
               {'need': 'mental_health', 'need_order': 2, 'named': need_mental_health},
               {'need': 'self_harm', 'need_order': 3, 'named': need_self_harm},
               {'need': 'suicide', 'need_order': 4, 'named': need_suicide},
               {'need': 'aggression', 'need_order': 5, 'named': need_aggression},
               {'need': 'missing', 'need_order': 6, 'named': need_missing},
               {'need': 'criminal', 'need_order': 7, 'named': need_criminal},
               {'need': 'send', 'need_order': 8, 'named': need_send},
               {'need': 'substance', 'need_order': 9, 'named': need_substance},
               {'need': 'cse', 'need_order': 10, 'named': need_cse},
               {'need': 'dols', 'need_order': 11, 'named': need_dols}], recursive := true)
    FROM placement_requests WHERE hard_to_find),
counts AS (
    SELECT la, year, request_group, need, need_order, count(*) AS hard_to_find_requests,
           count(*) FILTER (WHERE named) AS naming_need
    FROM needs GROUP BY la, year, request_group, need, need_order)
SELECT la, year, request_group, need, hard_to_find_requests, naming_need,
       round(100.0 * naming_need / hard_to_find_requests, 1) AS share, need_order
FROM counts
