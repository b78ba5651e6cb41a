package uk.sufficiency.dashboard;

import java.nio.file.Path;
import uk.sufficiency.warehouse.forecast.ForecastPublisher;

/** Remakes the forecast after the saved scenarios change; an interface so server tests need not run the model. */
interface Republisher {
    System.Logger LOG = System.getLogger(Republisher.class.getName());

    /** The real one: a new snapshot with the forecast made again from the saved scenarios (seconds). */
    Republisher FORECAST = warehouseDir -> ForecastPublisher.republish(warehouseDir,
            progress -> LOG.log(System.Logger.Level.INFO, progress));

    void republish(Path warehouseDir);
}
