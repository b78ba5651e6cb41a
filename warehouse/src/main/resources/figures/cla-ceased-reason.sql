SELECT la, year, reason_group, sum(children) AS children,
       round(100.0 * sum(children) / sum(sum(children)) OVER (PARTITION BY la, year), 1) AS share
FROM cla_ceased_reason GROUP BY la, year, reason_group
