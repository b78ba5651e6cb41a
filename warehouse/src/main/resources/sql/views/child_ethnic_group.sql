-- Each child's ethnic group from the Header's ETHNIC code, in the main groups of DfE's children
-- looked after statistics (the 903 code set: Chinese, CHNE, is counted with any other ethnic
-- group, as DfE's tables do); a code outside the set, or none, is "Not recorded". A child without
-- a Header row has no row here: figures count it as "Not recorded" too.
CREATE VIEW child_ethnic_group AS
WITH groups(ethnic_group, ethnic_group_order, codes) AS (VALUES
    ('White', 1, ['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM']),
    ('Mixed or multiple ethnic groups', 2, ['MWBC', 'MWBA', 'MWAS', 'MOTH']),
    ('Asian or Asian British', 3, ['AIND', 'APKN', 'ABAN', 'AOTH']),
    ('Black, African, Caribbean or Black British', 4, ['BCRB', 'BAFR', 'BOTH']),
    ('Other ethnic group', 5, ['CHNE', 'OOTH']),
    ('Refused or information not yet obtained', 6, ['REFU', 'NOBT'])),
codes AS (SELECT unnest(codes) AS ethnic, ethnic_group, ethnic_group_order FROM groups)
SELECT c.la, c.child, c.ethnic, coalesce(g.ethnic_group, 'Not recorded') AS ethnic_group,
       coalesce(g.ethnic_group_order, 7) AS ethnic_group_order
FROM children_ethnicity c LEFT JOIN codes g ON g.ethnic = c.ethnic
