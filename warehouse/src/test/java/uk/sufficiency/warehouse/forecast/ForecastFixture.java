package uk.sufficiency.warehouse.forecast;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.FactTable;
import uk.sufficiency.warehouse.Snapshots;
import uk.sufficiency.warehouse.Warehouse;

/**
 * A hand-made published snapshot for one LA, "Testshire", with a 2023-2024 data window (1 April
 * 2022 to 31 March 2024) and only the facts a test gives rows for; every other fact is empty.
 */
final class ForecastFixture {
    static final String LA = "Testshire";
    private final Map<FactTable, List<Object[]>> rows = new EnumMap<>(FactTable.class);

    ForecastFixture() {
        add(FactTable.LA_WINDOW, LA, 2023, 2024);
    }

    ForecastFixture add(FactTable table, Object... row) {
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        return this;
    }

    /** Children in a state at a month end, with child-days in that month. */
    ForecastFixture stock(String monthEnd, AgeBand band, PlacementGroup group, long children, long childDays) {
        return add(FactTable.FORECAST_STOCK, LA, LocalDate.parse(monthEnd), band.label(), group.id(), children, childDays);
    }

    /** Children at a month end ({@code stock}) or entering in its month ({@code entry}) by single year of age. */
    ForecastFixture ages(String monthEnd, String kind, PlacementGroup group, int age, int monthsToBirthday, long children) {
        return add(FactTable.FORECAST_AGE_MIX, LA, LocalDate.parse(monthEnd), kind, group.id(), age, monthsToBirthday,
                children);
    }

    /** Children changing state in a month; a null band with group not_in_care, left_care or aged_out is outside. */
    ForecastFixture flow(String monthEnd, AgeBand fromBand, String fromGroup, AgeBand toBand, String toGroup, long children) {
        return add(FactTable.FORECAST_FLOWS, LA, LocalDate.parse(monthEnd), fromBand == null ? null : fromBand.label(),
                fromGroup, toBand == null ? null : toBand.label(), toGroup, children);
    }

    /** Publishes the snapshot into {@code warehouseDir}; the forecast facts are left out unless given. */
    Path publish(Path warehouseDir) {
        Snapshots snapshots = new Snapshots(warehouseDir);
        Path staging = snapshots.beginStaging();
        for (FactTable table : FactTable.values()) {
            boolean published = ForecastPublisher.PROJECTION_FACTS.contains(table) || table == FactTable.FORECAST_BACKTEST
                    || table == FactTable.FORECAST_METHOD;
            if (!published || rows.containsKey(table)) {
                FactWriter.write(staging, table, rows.getOrDefault(table, List.of()));
            }
        }
        return snapshots.publish(staging);
    }

    Warehouse open(Path warehouseDir) {
        return Warehouse.open(publish(warehouseDir));
    }
}
