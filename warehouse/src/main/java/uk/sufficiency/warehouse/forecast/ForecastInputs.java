package uk.sufficiency.warehouse.forecast;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import uk.sufficiency.warehouse.Warehouse;

/**
 * What a projection starts from besides the rates, read from one snapshot for one LA: the stock
 * by state at a month end, the weekly fees actually paid, and the capacity recorded.
 */
public final class ForecastInputs {
    /** Fees are averaged over the year up to the projection's start. */
    static final int FEE_DAYS = 365;

    private ForecastInputs() {
    }

    /** Children in each state at the end of a month end (counting-rules §6), by state number. */
    public static int[] stock(Warehouse warehouse, String la, LocalDate monthEnd) {
        int[] stock = new int[ForecastState.COUNT];
        for (Map<String, Object> row : warehouse.query("""
                SELECT age_band, placement_group, children FROM forecast_stock WHERE la = ? AND month_end = ?""",
                la, monthEnd)) {
            stock[ForecastState.of(AgeBand.ofLabel((String) row.get("age_band")),
                    PlacementGroup.ofId((String) row.get("placement_group")))] = ((Number) row.get("children")).intValue();
        }
        return stock;
    }

    /**
     * Children at a month end by the engine's cells (single year of age and months to the next
     * birthday, {@link ForecastState#cell}). A state whose ages the snapshot does not give (one
     * written before they were recorded) has its children spread evenly over its cells.
     */
    public static int[] cells(Warehouse warehouse, String la, LocalDate monthEnd) {
        int[] cells = new int[ForecastState.CELLS];
        int[] aged = new int[ForecastState.COUNT];
        for (Map<String, Object> row : warehouse.query("""
                SELECT placement_group, age, months_to_birthday, children FROM forecast_age_mix
                WHERE la = ? AND month_end = ? AND kind = 'stock'""", la, monthEnd)) {
            int age = ((Number) row.get("age")).intValue();
            int state = ForecastState.of(AgeBand.ofAge(age), PlacementGroup.ofId((String) row.get("placement_group")));
            int children = ((Number) row.get("children")).intValue();
            cells[ForecastState.cell(state, age, ((Number) row.get("months_to_birthday")).intValue())] += children;
            aged[state] += children;
        }
        int[] stock = stock(warehouse, la, monthEnd);
        for (int i = 0; i < ForecastState.COUNT; i++) {
            if (aged[i] != stock[i]) {
                int first = ForecastState.firstCell(i);
                int width = ForecastState.cellsOf(i);
                for (int k = 0; k < width; k++) {
                    cells[first + k] = (int) ((long) (k + 1) * stock[i] / width - (long) k * stock[i] / width);
                }
            }
        }
        return cells;
    }

    /** Children in each group at a month end, with {@link Projection#ALL} the total. */
    public static long[] groupStock(Warehouse warehouse, String la, LocalDate monthEnd) {
        return groupTotals(stock(warehouse, la, monthEnd));
    }

    /** A stock by state summed by group, with {@link Projection#ALL} the total. */
    static long[] groupTotals(int[] stock) {
        long[] totals = new long[Projection.ALL + 1];
        for (int i = 0; i < stock.length; i++) {
            totals[ForecastState.group(i).ordinal()] += stock[i];
            totals[Projection.ALL] += stock[i];
        }
        return totals;
    }

    /**
     * The average weekly fee of each group's placements over the year to {@code asAt}, weighted by
     * days (placement_cost_segments), and how many children's fees make each average, for each group
     * and all of them; groups with no costed days (often kinship, with parents, adoption) have no
     * fee and are left out of spend.
     */
    public record Fees(Map<PlacementGroup, Double> weekly, Map<PlacementGroup, Long> children, long allChildren) {
    }

    public static Fees fees(Warehouse warehouse, String la, LocalDate asAt) {
        Map<PlacementGroup, Double> weekly = new EnumMap<>(PlacementGroup.class);
        Map<PlacementGroup, Long> children = new EnumMap<>(PlacementGroup.class);
        long allChildren = 0;
        for (Map<String, Object> row : warehouse.query("""
                WITH segments AS (
                    SELECT %2$s AS placement_group, child, weekly_cost,
                           date_diff('day', greatest(seg_from, CAST(? AS DATE) - %1$d + 1), least(seg_to, CAST(? AS DATE))) + 1
                               AS days
                    FROM placement_cost_segments
                    WHERE la = ? AND category <> 'unlinked' AND weekly_cost IS NOT NULL)
                SELECT placement_group, sum(weekly_cost * days) / sum(days) AS weekly_fee, count(DISTINCT child) AS children
                FROM segments WHERE days > 0 GROUP BY GROUPING SETS ((placement_group), ())"""
                .formatted(FEE_DAYS, PlacementGroup.sqlOfCategory("category")), asAt, asAt, la)) {
            long count = ((Number) row.get("children")).longValue();
            if (row.get("placement_group") == null) {
                allChildren = count;
            } else {
                PlacementGroup group = PlacementGroup.ofId((String) row.get("placement_group"));
                weekly.put(group, ((Number) row.get("weekly_fee")).doubleValue());
                children.put(group, count);
            }
        }
        return new Fees(weekly, children, allChildren);
    }

    /**
     * A provision's latest capacity row at or before the projection's start, as the Capacity page
     * shows it ({@code capacity_demand}): its places, those reported occupied (null if not reported)
     * and the looked-after children placed in it ({@link CapacityProvision}).
     */
    public record ProvisionAtStart(LocalDate date, int capacity, Integer occupied, long placed) {
        /**
         * Places used by others than the children placed there (block supported beds also house care
         * leavers and homeless young people the 903 does not count): those reported occupied beyond
         * them, held at that figure through the projection.
         */
        public long others() {
            return occupied == null ? 0 : Math.max(0, occupied - placed);
        }
    }

    /** The latest row of each provision the forecast knows, at or before a date. */
    public static Map<CapacityProvision, ProvisionAtStart> capacity(Warehouse warehouse, String la, LocalDate asAt) {
        Map<CapacityProvision, ProvisionAtStart> capacity = new EnumMap<>(CapacityProvision.class);
        for (Map<String, Object> row : warehouse.query("""
                SELECT provision, CAST(date AS VARCHAR) AS date, capacity, occupied, demand FROM capacity_demand
                WHERE la = ? AND date <= ? AND capacity IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY provision ORDER BY date DESC) = 1""", la, asAt)) {
            CapacityProvision.ofProvision((String) row.get("provision")).ifPresent(p -> capacity.put(p,
                    new ProvisionAtStart(LocalDate.parse((String) row.get("date")),
                            ((Number) row.get("capacity")).intValue(),
                            row.get("occupied") == null ? null : ((Number) row.get("occupied")).intValue(),
                            row.get("demand") == null ? 0 : ((Number) row.get("demand")).longValue())));
        }
        return capacity;
    }
}
