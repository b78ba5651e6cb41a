SELECT la, month_end, category, fee_changes, increases, decreases, avg_change_pct
FROM placement_cost_changes
