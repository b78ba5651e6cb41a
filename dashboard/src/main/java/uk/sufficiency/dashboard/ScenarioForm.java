package uk.sufficiency.dashboard;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.forecast.Scenario;

/**
 * The scenario editor's fields as typed (kept to show again beside an error) and the
 * {@link Scenario} they describe. Rows left blank are not used; every complaint names its row.
 */
record ScenarioForm(Map<String, String> values) {
    static final int RATE_ROWS = 3;
    static final int INTERVENTION_ROWS = 2;
    static final List<String> RATE_FIELDS = List.of("kind", "group", "to_group", "age_band", "multiply", "add_per_year");
    /** An intervention's fields, but for "once or each year", which always has a value. */
    static final List<String> INTERVENTION_FIELDS = List.of("name", "start", "from_group", "to_group", "age_band",
            "children", "places");

    static ScenarioForm blank() {
        return new ScenarioForm(Map.of());
    }

    static ScenarioForm of(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0).strip()));
        return new ScenarioForm(values);
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    static String rateField(int row, String field) {
        return "rate" + row + "_" + field;
    }

    static String interventionField(int row, String field) {
        return "intervention" + row + "_" + field;
    }

    /**
     * The scenario the form describes, for the LA whose page it was made on.
     *
     * @throws IllegalArgumentException saying, in the reader's words, what to put right
     */
    Scenario scenario(String la) {
        List<Scenario.RateChange> rates = new ArrayList<>();
        for (int row = 1; row <= RATE_ROWS; row++) {
            int r = row;
            if (RATE_FIELDS.stream().allMatch(f -> value(rateField(r, f)).isEmpty())) {
                continue;
            }
            String what = "Rate change " + row;
            String kind = value(rateField(row, "kind"));
            if (!List.of("entry", "leaving", "move").contains(kind)) {
                throw new IllegalArgumentException(what + ": choose what it changes (entries, leaving or moves).");
            }
            rates.add(inRow(what, () -> new Scenario.RateChange(Scenario.RateKind.valueOf(kind),
                    optional(value(rateField(r, "group"))), optional(value(rateField(r, "to_group"))),
                    optional(value(rateField(r, "age_band"))), number(what + ": multiply", value(rateField(r, "multiply"))),
                    number(what + ": add per year", value(rateField(r, "add_per_year"))))));
        }
        List<Scenario.Intervention> interventions = new ArrayList<>();
        for (int row = 1; row <= INTERVENTION_ROWS; row++) {
            int r = row;
            if (INTERVENTION_FIELDS.stream().allMatch(f -> value(interventionField(r, f)).isEmpty())) {
                continue;
            }
            String what = "Intervention " + row;
            Double places = number(what + ": places added", value(interventionField(r, "places")));
            if (places != null && places != Math.rint(places)) {
                throw new IllegalArgumentException(what + ": places added must be a whole number.");
            }
            interventions.add(inRow(what, () -> new Scenario.Intervention(optional(value(interventionField(r, "name"))),
                    date(what + ": start", value(interventionField(r, "start"))),
                    optional(value(interventionField(r, "from_group"))), optional(value(interventionField(r, "to_group"))),
                    optional(value(interventionField(r, "age_band"))),
                    number(what + ": children", value(interventionField(r, "children"))),
                    value(interventionField(r, "per_year")).equals("year"), places == null ? null : places.intValue())));
        }
        Double inflation = number("Fee inflation", value("fee_inflation"));
        return new Scenario(value("name"), optional(value("description")), rates, interventions,
                inflation == null ? null : inflation / 100, la);
    }

    private interface Part<T> {
        T make();
    }

    /** The row's own complaint, prefixed with which row it is (unless a field already named it). */
    private static <T> T inRow(String what, Part<T> part) {
        try {
            return part.make();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(what) ? e.getMessage() : what + ": " + e.getMessage());
        }
    }

    private static String optional(String text) {
        return text.isEmpty() ? null : text;
    }

    private static Double number(String what, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, not '" + text + "'.");
        }
    }

    private static LocalDate date(String what, String text) {
        if (text.isEmpty()) {
            return null; // the intervention says it needs one
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a date such as 2025-04-01, not '" + text + "'.");
        }
    }
}
