-- One measure of benchmark_comparison (the figures benchmark-*): ${measure} names the measure and
-- cla_year's column that counts it.
SELECT b.la, b.year, y.${measure} AS children, b.la_rate, b.dfe_la_rate, b.england_rate, b.region,
       b.region_rate, b.sn_mean, b.sn_median, b.sn_count, b.sn_model, b.sn_published_rate,
       b.rank, b.las_ranked, b.quartile_band, b.dfe_la_children, b.dfe_check,
       b.children_difference, b.rate_difference, b.ranked_on
FROM benchmark_comparison b JOIN cla_year y USING (la, year)
WHERE b.measure = '${measure}'
