-- The benchmark's baseline: the counting rules (docs/counting-rules.md §1-§8) written directly in
-- DuckDB SQL over the raw pooled CSV extract, with no Spark, no Parquet and no pseudonymisation.
-- ./sufficiency bench runs it in memory on every core, times each statement, and checks its figures
-- against the pipeline's published views. {{episodes}} and {{headers}} are replaced by the CSV globs.
-- Statements end with a semicolon at the end of a line (the bench splits them there).
-- Not covered (the generated extract never has them): two-digit years, files without a YEAR column
-- or an LA column, and the file/line bookkeeping of rejects and warnings.

-- Episodes: type, validate (§2, §4), deduplicate (§3), repair chains (§5), categorise (§8).
CREATE OR REPLACE TEMP TABLE ref_episodes AS
WITH raw AS (
    SELECT * FROM read_csv({{episodes}}, header = true, all_varchar = true, filename = true, union_by_name = true)
),
typed AS (
    SELECT nullif(trim(LA), '') AS la,
           nullif(trim(CHILD), '') AS child,
           nullif(trim(DECOM), '') AS raw_decom,
           nullif(trim(DEC), '') AS raw_dec,
           coalesce(try_strptime(trim(DECOM), '%d/%m/%Y'), try_strptime(trim(DECOM), '%Y-%m-%d'))::DATE AS decom,
           coalesce(try_strptime(trim(DEC), '%d/%m/%Y'), try_strptime(trim(DEC), '%Y-%m-%d'))::DATE AS dec,
           nullif(upper(regexp_replace(RNE, '\s+', '', 'g')), '') AS rne,
           nullif(upper(regexp_replace(LS, '\s+', '', 'g')), '') AS legal_status,
           nullif(upper(regexp_replace(PLACE, '\s+', '', 'g')), '') AS placement,
           nullif(upper(regexp_replace(PLACE_PROVIDER, '\s+', '', 'g')), '') AS provider,
           nullif(upper(regexp_replace(REC, '\s+', '', 'g')), '') AS rec,
           coalesce(TRY_CAST(trim(YEAR) AS INTEGER),
                    TRY_CAST(regexp_extract(filename, '(\d{4})[^/]*$', 1) AS INTEGER)) AS year,
           filename AS file
    FROM raw
),
valid AS (
    SELECT * FROM typed
    WHERE la IS NOT NULL AND child IS NOT NULL AND decom IS NOT NULL
      AND (raw_dec IS NULL OR dec IS NOT NULL)
      AND (dec IS NULL OR dec >= decom)
      AND placement IN ('A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5',
                        'S1', 'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6',
                        'Z1', 'Z11', 'Z12', 'Z13', 'Z14')
      AND legal_status IN ('C1', 'C2', 'D1', 'E1', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3', 'V2', 'V3', 'V4')
),
deduplicated AS (
    SELECT * FROM valid
    QUALIFY row_number() OVER (PARTITION BY la, child, decom
                               ORDER BY year DESC NULLS LAST, dec IS NULL, file DESC) = 1
),
chained AS (
    SELECT *,
           lead(decom) OVER (PARTITION BY la, child ORDER BY decom) AS next_decom,
           max(year) OVER (PARTITION BY la) AS la_latest_year
    FROM deduplicated
),
repaired AS (
    SELECT *,
           CASE WHEN next_decom IS NOT NULL AND (dec IS NULL OR dec > next_decom) THEN 'closed_at_next'
                WHEN next_decom IS NULL AND dec IS NULL AND year < la_latest_year THEN 'closed_at_year_end'
           END AS repair
    FROM chained
)
SELECT la, child, decom,
       CASE repair WHEN 'closed_at_next' THEN next_decom
                   WHEN 'closed_at_year_end' THEN make_date(year, 3, 31)
                   ELSE dec END AS dec,
       CASE WHEN repair IS NULL THEN rec END AS rec,
       rne, legal_status, placement, provider, year, repair,
       CASE WHEN placement IN ('U1', 'U2', 'U3') THEN 'foster_kinship'
            WHEN placement IN ('U4', 'U5', 'U6') AND provider = 'PR1' THEN 'foster_inhouse'
            WHEN placement IN ('U4', 'U5', 'U6') AND provider IN ('PR4', 'PR5') THEN 'foster_ifa'
            WHEN placement IN ('U4', 'U5', 'U6') THEN 'foster_other'
            WHEN placement IN ('K2', 'R1') AND provider = 'PR1' THEN 'home_inhouse'
            WHEN placement IN ('K2', 'R1') AND provider IN ('PR4', 'PR5') THEN 'home_agency'
            WHEN placement IN ('K2', 'R1') THEN 'home_other'
            WHEN placement = 'K1' THEN 'secure'
            WHEN placement IN ('H5', 'P2', 'K3') THEN 'supported'
            WHEN placement = 'P1' THEN 'with_parents'
            WHEN placement IN ('A3', 'A4', 'A5', 'A6') THEN 'adoption'
            WHEN placement = 'S1' THEN 'residential_school'
            WHEN placement = 'R3' THEN 'family_centre'
            WHEN placement IN ('R2', 'R5', 'P3') THEN 'other_residential'
            ELSE 'other'
       END AS category
FROM repaired;

-- Children from the header tables (§3: one row per (LA, CHILD), the latest return wins), for ages.
CREATE OR REPLACE TEMP TABLE ref_children AS
SELECT la, child, dob
FROM (
    SELECT nullif(trim(LA), '') AS la,
           nullif(trim(CHILD), '') AS child,
           coalesce(try_strptime(trim(DOB), '%d/%m/%Y'), try_strptime(trim(DOB), '%Y-%m-%d'))::DATE AS dob,
           coalesce(TRY_CAST(trim(YEAR) AS INTEGER),
                    TRY_CAST(regexp_extract(filename, '(\d{4})[^/]*$', 1) AS INTEGER)) AS year,
           filename AS file
    FROM read_csv({{headers}}, header = true, all_varchar = true, filename = true, union_by_name = true)
)
WHERE la IS NOT NULL AND child IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY la, child ORDER BY year DESC NULLS LAST, file DESC) = 1;

-- Each LA's window (§1) and every month end in it; children looked after at each month end by
-- placement category and age band (§6), short breaks (V3, V4) excluded.
CREATE OR REPLACE TEMP TABLE ref_month_end_stock AS
WITH la_window AS (
    SELECT la, min(year) AS first_year, max(year) AS last_year FROM ref_episodes GROUP BY la
),
month_ends AS (
    SELECT la, CAST(last_day(unnest(generate_series(make_date(first_year - 1, 4, 1), make_date(last_year, 3, 1),
                                                   INTERVAL 1 MONTH))) AS DATE) AS month_end
    FROM la_window
),
looked_after AS (
    SELECT m.la, m.month_end, e.category,
           CASE WHEN c.dob IS NULL OR c.dob > m.month_end THEN NULL
                ELSE year(m.month_end) - year(c.dob)
                     - CASE WHEN month(m.month_end) * 100 + day(m.month_end) < month(c.dob) * 100 + day(c.dob)
                            THEN 1 ELSE 0 END
           END AS age
    FROM month_ends m
    JOIN ref_episodes e ON e.la = m.la AND e.decom <= m.month_end AND (e.dec IS NULL OR e.dec > m.month_end)
    LEFT JOIN ref_children c ON c.la = e.la AND c.child = e.child
    WHERE e.legal_status NOT IN ('V3', 'V4')
)
SELECT la, month_end, category,
       CASE WHEN age IS NULL THEN 'Unknown' WHEN age < 1 THEN 'Under 1' WHEN age <= 4 THEN '1 to 4'
            WHEN age <= 9 THEN '5 to 9' WHEN age <= 15 THEN '10 to 15' ELSE '16 and over' END AS age_band,
       count(*) AS children
FROM looked_after
GROUP BY ALL;

-- Per LA and collection year (§6, §7): looked after on 31 March, started and ceased.
CREATE OR REPLACE TEMP TABLE ref_year AS
WITH la_window AS (
    SELECT la, min(year) AS first_year, max(year) AS last_year FROM ref_episodes GROUP BY la
),
years AS (
    SELECT la, unnest(range(first_year, last_year + 1)) AS year FROM la_window
),
stock AS (
    SELECT la, year(month_end) AS year, sum(children) AS n
    FROM ref_month_end_stock WHERE month(month_end) = 3 GROUP BY ALL
),
started AS (
    SELECT la, CASE WHEN month(decom) >= 4 THEN year(decom) + 1 ELSE year(decom) END AS year,
           count(DISTINCT child) AS n
    FROM ref_episodes WHERE rne = 'S' AND legal_status NOT IN ('V3', 'V4') GROUP BY ALL
),
ceased AS (
    SELECT la, CASE WHEN month(dec) >= 4 THEN year(dec) + 1 ELSE year(dec) END AS year,
           count(DISTINCT child) AS n
    FROM ref_episodes
    WHERE dec IS NOT NULL AND rec IS NOT NULL AND rec <> 'X1' AND legal_status NOT IN ('V3', 'V4')
    GROUP BY ALL
)
SELECT y.la, CAST(y.year AS INTEGER) AS year,
       coalesce(stock.n, 0) AS looked_after_31_march,
       coalesce(started.n, 0) AS started,
       coalesce(ceased.n, 0) AS ceased
FROM years y
LEFT JOIN stock USING (la, year)
LEFT JOIN started USING (la, year)
LEFT JOIN ceased USING (la, year);
