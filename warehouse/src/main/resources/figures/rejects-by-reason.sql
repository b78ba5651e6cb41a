SELECT la, source, reason, rows, quality_meaning(reason) AS meaning, quality_what_to_do(reason) AS what_to_do
FROM (SELECT la, '903' AS source, reason, count(*) AS rows FROM rejected_episodes GROUP BY ALL
      UNION ALL
      SELECT la, source, reason, count(*) AS rows FROM rejected_rows GROUP BY ALL)
