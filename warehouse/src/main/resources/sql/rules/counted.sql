-- Whether an episode of this legal status counts as looked after: series of short breaks (V3, V4)
-- never do (counting-rules §6 and §7).
CREATE MACRO counted(legal_status) AS legal_status NOT IN ('V3', 'V4')
