package uk.sufficiency.warehouse;

import java.util.ArrayList;
import java.util.List;
import uk.sufficiency.warehouse.forecast.CapacityProvision;

/**
 * The views over placement search requests and capacity (inputs.md §3-§4, docs/warehouse.md
 * "Placement requests and capacity"): the needs named in hard-to-find referrals, step-down into
 * fostering placements started per year (strategy KPI 3) and capacity against the 903's demand.
 * The facts themselves ({@code placement_requests}, {@code capacity}) are published as they are.
 */
final class RequestCapacityViews {
    /** The needs and risks of a referral, in the order of inputs.md §3 (each a {@code need_} column). */
    static final List<String> NEEDS = List.of("emotional", "mental_health", "self_harm", "suicide", "aggression",
            "missing", "criminal", "send", "substance", "cse", "dols");

    private RequestCapacityViews() {
    }

    /**
     * For each LA, financial year and request group with a hard-to-find request: every need, the
     * hard-to-find requests, how many of them name the need, and that share (%, one decimal).
     */
    static String placementRequestsNeeds() {
        List<String> counts = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < NEEDS.size(); i++) {
            String need = NEEDS.get(i);
            counts.add("count(*) FILTER (WHERE need_%1$s) AS n_%1$s".formatted(need));
            rows.add("SELECT la, year, request_group, '%1$s' AS need, %2$d AS need_order, hard_to_find_requests, "
                    .formatted(need, i + 1) + "n_" + need + " AS naming_need FROM counts");
        }
        return """
                CREATE VIEW placement_requests_needs AS
                WITH counts AS (
                    SELECT la, year, request_group, count(*) AS hard_to_find_requests, %s
                    FROM placement_requests WHERE hard_to_find GROUP BY la, year, request_group),
                needs AS (
                    %s)
                SELECT la, year, request_group, need, hard_to_find_requests, naming_need,
                       round(100.0 * naming_need / hard_to_find_requests, 1) AS share, need_order
                FROM needs""".formatted(String.join(", ", counts), String.join("\n    UNION ALL\n    ", rows));
    }

    /**
     * Strategy KPI 3: requests of type step_down_foster placed (OUTCOME_DATE) in each financial year
     * of the LA's window, zeros included, for every LA that loaded placement requests.
     */
    static final String STEP_DOWN_STARTED = """
            CREATE VIEW step_down_started AS
            WITH years AS (
                SELECT la, unnest(range(first_year, last_year + 1)) AS year
                FROM la_window WHERE la IN (SELECT la FROM placement_requests)),
            placed AS (
                SELECT la, CASE WHEN month(outcome_date) >= 4 THEN year(outcome_date) + 1
                                ELSE year(outcome_date) END AS year,
                       count(*) AS placements
                FROM placement_requests
                WHERE request_type = 'step_down_foster' AND outcome = 'placed' AND outcome_date IS NOT NULL
                GROUP BY ALL)
            SELECT y.la, CAST(y.year AS INTEGER) AS year, coalesce(p.placements, 0) AS placements
            FROM years y LEFT JOIN placed p USING (la, year)""";

    /**
     * Each capacity row with its occupancy and, for the four provisions the forecast knows, the
     * looked-after children the 903 has placed in it at the end of that day (counting-rules §6;
     * {@link CapacityProvision#sqlPlacedIn}: block beds by the cost lines' CONTRACT), null outside
     * the LA's window and for an LA's own provision.
     */
    static final String CAPACITY_DEMAND = """
            CREATE VIEW capacity_demand AS
            WITH measured AS (
                SELECT c.*, %1$s AS known, w.la IS NOT NULL AS in_window
                FROM capacity c
                LEFT JOIN la_window w ON w.la = c.la
                     AND c.date BETWEEN make_date(w.first_year - 1, 4, 1) AND make_date(w.last_year, 3, 31)),
            demand AS (
                SELECT m.la, m.date, m.provision, count(DISTINCT e.child) AS children
                FROM measured m
                JOIN episodes e ON e.la = m.la AND e.decom <= m.date
                               AND (e.dec IS NULL OR e.dec > m.date) AND e.legal_status NOT IN ('V3', 'V4')
                WHERE m.in_window AND m.known AND %2$s
                GROUP BY ALL)
            SELECT m.la, m.date, m.provision, m.capacity, m.occupied,
                   CASE WHEN m.known AND m.in_window THEN coalesce(d.children, 0) END AS demand,
                   CASE WHEN m.capacity > 0 AND m.occupied IS NOT NULL
                        THEN round(100.0 * m.occupied / m.capacity, 1) END AS occupancy
            FROM measured m LEFT JOIN demand d USING (la, date, provision)""".formatted(
            CapacityProvision.sqlKnown("c.provision"), CapacityProvision.sqlPlacedIn("m.provision", "m.date"));
}
