SELECT la, year, measure, la_children AS children, dfe_la_children, children_difference, la_rate,
       dfe_la_rate, rate_difference, ranked_on
FROM benchmark_comparison WHERE dfe_check = 'differs'
