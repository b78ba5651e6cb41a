-- Completed years from dob to d (counting-rules §6): comparing (month, day) gives the 29 February
-- rule for free, as a child born on 29 February is younger than (2, 29) until 1 March.
CREATE MACRO age_on(dob, d) AS
    CASE WHEN dob IS NULL OR dob > d THEN NULL
         ELSE year(d) - year(dob) - CASE WHEN month(d) * 100 + day(d) < month(dob) * 100 + day(dob) THEN 1 ELSE 0 END
    END
