-- the base view
CREATE VIEW b_stock AS SELECT 21 AS children
