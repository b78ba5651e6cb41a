SELECT la, year, looked_after_31_march, started, ceased, placement_moves, population_0_17, rate_per_10000
FROM cla_year
