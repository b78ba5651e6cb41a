-- Each LA of the warehouse with the names and codes DfE's files give it (upper-case): the LA as
-- it came, and the name, old and new code of every published LA row whose name or code equals it.
CREATE VIEW la_aliases AS
WITH las AS (SELECT DISTINCT la FROM la_window),
keyed AS (
    SELECT area, area_code_old, area_code_new,
           unnest([upper(area), upper(area_code_old), upper(area_code_new)]) AS key
    FROM benchmark_rates WHERE area_type = 'la'),
matched AS (
    SELECT DISTINCT l.la, k.area, k.area_code_old, k.area_code_new
    FROM las l JOIN keyed k ON k.key = upper(trim(l.la)))
SELECT DISTINCT la, alias FROM (
    SELECT la, upper(trim(la)) AS alias FROM las
    UNION ALL
    SELECT la, unnest([upper(area), upper(area_code_old), upper(area_code_new)]) AS alias FROM matched)
WHERE alias IS NOT NULL
