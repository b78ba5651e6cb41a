SELECT la, quarter_end, age_group, age_group_order, inhouse, ifa, ifa_share, other_non_connected, kinship
FROM fostering_quarter
