SELECT la, month_end, ethnic_group, count(*) AS children,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY la, month_end), 1) AS share,
       min(ethnic_group_order) AS group_order
FROM (SELECT c.la, c.month_end, coalesce(g.ethnic_group, 'Not recorded') AS ethnic_group,
       coalesce(g.ethnic_group_order, 7) AS ethnic_group_order
FROM cla_month_end c LEFT JOIN child_ethnic_group g ON g.la = c.la AND g.child = c.child) WHERE month(month_end) = 3 GROUP BY la, month_end, ethnic_group
