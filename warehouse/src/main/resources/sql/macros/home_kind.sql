-- The kind of home of an attributed placement category (counting-rules §8), as finance reads costs:
-- fostering, childrens_home, supported or other.
CREATE MACRO home_kind(category) AS
    CASE WHEN category LIKE 'foster\_%' ESCAPE '\' THEN 'fostering'
         WHEN category LIKE 'home\_%' ESCAPE '\' THEN 'childrens_home'
         WHEN category = 'supported' THEN 'supported' ELSE 'other' END
