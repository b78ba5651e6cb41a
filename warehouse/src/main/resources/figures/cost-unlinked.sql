SELECT la, year, children, unlinked_children, cost_days, unlinked_days, unlinked_share, spend,
       unlinked_spend
FROM cost_data_quality
