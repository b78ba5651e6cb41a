package uk.sufficiency.warehouse.forecast;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The forecast's settings, from {@code forecast-settings.json} in the warehouse directory when it
 * exists (any field left out keeps its default), else the defaults.
 *
 * @param referenceMonths months of history the rates are fitted on, ending at the projection's start
 * @param months          how far ahead to project (up to 48)
 * @param runs            simulated runs behind the quantiles
 * @param seed            seed of the runs
 * @param stepDays        1 (daily) or 7 (weekly)
 * @param feeInflation    default yearly fee rise (0.03 = 3%); a scenario may set its own
 * @param backtestOrigins how many origins the rolling backtest uses at most, six months apart
 * @param backtestRuns    simulated runs of each backtest projection (fewer than the base's: there are
 *                        many origins, and the 5% and 95% quantiles of 200 runs are the 10th and 190th)
 * @param method          how the rates go on: {@code auto} (the default: whichever of the constant
 *                        rates and their damped trend the backtest found more accurate for the LA),
 *                        {@code constant} or {@code damped_trend}
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ForecastSettings(Integer referenceMonths, Integer months, Integer runs, Long seed, Integer stepDays,
                               Double feeInflation, Integer backtestOrigins, Integer backtestRuns,
                               String method) {
    public static final String FILE = "forecast-settings.json";
    /** The method setting that lets the backtest choose. */
    public static final String AUTO = "auto";
    public static final ForecastSettings DEFAULTS = new ForecastSettings(36, 48, 500, 20261201L, 1, 0.03, 8, 200,
            AUTO);

    public ForecastSettings {
        referenceMonths = referenceMonths == null ? 36 : referenceMonths;
        months = months == null ? 48 : months;
        runs = runs == null ? 500 : runs;
        seed = seed == null ? 20261201L : seed;
        stepDays = stepDays == null ? 1 : stepDays;
        feeInflation = feeInflation == null ? 0.03 : feeInflation;
        backtestOrigins = backtestOrigins == null ? 8 : backtestOrigins;
        backtestRuns = backtestRuns == null ? 200 : backtestRuns;
        method = method == null ? AUTO : method;
        if (!method.equals(AUTO)) {
            FittedRates.Method.ofId(method);
        }
        if (referenceMonths < 12 || referenceMonths > 120) {
            throw new IllegalArgumentException("referenceMonths must be 12 to 120; got " + referenceMonths);
        }
        if (backtestOrigins < 0 || backtestOrigins > 40) {
            throw new IllegalArgumentException("backtestOrigins must be 0 to 40; got " + backtestOrigins);
        }
        if (months < 1 || months > ProjectionSettings.MAX_MONTHS) {
            throw new IllegalArgumentException("months must be 1 to " + ProjectionSettings.MAX_MONTHS + "; got " + months);
        }
        if (runs < 20 || backtestRuns < 20 || runs > 100_000 || backtestRuns > 100_000) {
            throw new IllegalArgumentException("runs and backtestRuns must be 20 to 100,000 (the 5% and 95% quantiles"
                    + " need at least 20); got " + runs + " and " + backtestRuns);
        }
        if (stepDays != 1 && stepDays != 7) {
            throw new IllegalArgumentException("stepDays must be 1 (daily) or 7 (weekly); got " + stepDays);
        }
        if (feeInflation.isNaN() || feeInflation < -0.5 || feeInflation > 1) {
            throw new IllegalArgumentException("feeInflation must be a yearly rate between -0.5 and 1 (0.03 = 3%); got "
                    + feeInflation);
        }
    }

    public static ForecastSettings load(Path warehouseDir) {
        Path file = warehouseDir.resolve(FILE);
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), ForecastSettings.class);
        } catch (IOException e) {
            String problem = e.getCause() instanceof IllegalArgumentException refused ? refused.getMessage()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(file + ": " + problem, e);
        }
    }

    /** The method the settings force, or null to let the backtest choose. */
    public FittedRates.Method forcedMethod() {
        return method.equals(AUTO) ? null : FittedRates.Method.ofId(method);
    }

    /** The settings of a projection from a month end. */
    public ProjectionSettings projection(java.time.LocalDate start) {
        return new ProjectionSettings(start, months, runs, seed, stepDays);
    }
}
