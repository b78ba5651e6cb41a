SELECT la, source, warning, rows, quality_meaning(warning) AS meaning, quality_what_to_do(warning) AS what_to_do
FROM (SELECT la, source, warning, sum(count) AS rows FROM data_quality GROUP BY ALL)
