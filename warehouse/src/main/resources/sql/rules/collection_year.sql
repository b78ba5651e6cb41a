-- Collection (and financial) year ending 31 March that contains a date (counting-rules §1).
CREATE MACRO collection_year(d) AS CASE WHEN month(d) >= 4 THEN year(d) + 1 ELSE year(d) END
