CREATE VIEW a_doubled AS SELECT children * 2 AS children FROM b_stock;
