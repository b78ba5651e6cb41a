CREATE VIEW reads_nothing AS SELECT * FROM no_such_table
