package uk.sufficiency.dashboard;

import static uk.sufficiency.dashboard.ScenarioForm.interventionField;
import static uk.sufficiency.dashboard.ScenarioForm.rateField;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.sufficiency.warehouse.forecast.AgeBand;
import uk.sufficiency.warehouse.forecast.PlacementGroup;
import uk.sufficiency.warehouse.forecast.Scenario;

/**
 * The Forecast page's scenarios (scenarios.jte): those saved (each with its JSON and, for administrators, a delete
 * button) and a plain form to make one, every field labelled and grouped in fieldsets. Both are
 * POST forms carrying the session's CSRF token; for anyone but an administrator they are disabled,
 * with a sentence saying why.
 */
final class ScenarioEditor {
    private static final Map<String, String> KINDS = options("", "Not used", "entry", "Entries into care",
            "leaving", "Leaving care", "move", "Moves between groups");
    private static final Map<String, String> ONCE_OR_YEARLY = options("once", "Once, on the start date",
            "year", "That many each year from the start date");

    private ScenarioEditor() {
    }

    /**
     * What the editor shows besides the saved scenarios: the form as typed, an error, what was just
     * done, and where remaking the forecast is.
     */
    record View(ScenarioForm form, String error, String done, BackgroundRepublish.Status republish) {
        /** After a save or delete redirected back: {@code ?saved=NAME} or {@code ?deleted=NAME}. */
        static View of(Context ctx, BackgroundRepublish.Status republish) {
            String saved = ctx.queryParam("saved");
            String deleted = ctx.queryParam("deleted");
            String done = saved != null ? "Saved the scenario '" + saved + "'; the forecast is remade with it."
                    : deleted != null ? "Deleted the scenario '" + deleted + "'; the forecast is remade without it." : null;
            return new View(ScenarioForm.blank(), null, done, republish);
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /**
     * What scenarios.jte shows: {@code done} and {@code republish} may be null; {@code query} is the
     * page's own ("?la=..."), carried into the forms; the forms are disabled unless {@code admin}.
     */
    record Editor(String done, Republish republish, List<Saved> saved, boolean admin, String query, String csrfToken,
                  String error, List<Field> fields, List<Fieldset> fieldsets) implements Panel {
    }

    /** A saved scenario's row: {@code json} is where its definition downloads from. */
    record Saved(String name, String description, String json) {
    }

    /** Where remaking the forecast is, in a sentence (republish.jte). */
    record Republish(String state, String text) {
    }

    /** A labelled field of the form (field.jte). */
    sealed interface Field permits Input, Select {
    }

    /** {@code step}, {@code min} and {@code maxLength} are left out of the page when null. */
    record Input(String id, String name, String label, String type, String value, String step, String min,
                 Integer maxLength, boolean required) implements Field {
    }

    record Select(String id, String name, String label, List<Option> options) implements Field {
    }

    record Option(String value, String label, boolean selected) {
    }

    record Fieldset(String legend, List<Field> fields) {
    }

    /** Where remaking the forecast in the background is; null before the first save. */
    static Republish republishState(BackgroundRepublish.Status status) {
        if (status == null || status.state() == BackgroundRepublish.State.IDLE) {
            return null;
        }
        String at = TIME.format(status.since());
        String text = switch (status.state()) {
            case QUEUED -> "Remaking the forecast with the saved scenarios: queued since " + at
                    + (status.detail() == null ? "." : ", " + status.detail() + ".");
            case RUNNING -> "Remaking the forecast with the saved scenarios: running since " + at
                    + ". Reload the page to see the new forecast when it is done.";
            case DONE -> "Remaking the forecast with the saved scenarios: done at " + at + "; the charts show it.";
            case FAILED -> "Remaking the forecast with the saved scenarios: failed at " + at + " (" + status.detail()
                    + "). The scenarios are saved; the charts show the forecast before the change.";
            case IDLE -> "";
        };
        return new Republish(status.state().name().toLowerCase(Locale.ROOT), text);
    }

    static Editor editor(List<Scenario> saved, DashboardPage.Account account, String query, View view) {
        String q = "?" + query;
        List<Saved> rows = saved.stream().map(s -> new Saved(s.name(), s.description() == null ? "" : s.description(),
                "/forecast/scenario.json" + q + "&name=" + URLEncoder.encode(s.name(), StandardCharsets.UTF_8))).toList();
        ScenarioForm form = view.form();
        List<Field> fields = List.of(
                new Input("scenario-name", "name", "Name (letters, digits, spaces, '.', '_' or '-')", "text",
                        form.value("name"), null, null, 60, true),
                input("scenario-description", "description", "Description (optional)", "text", form, null, null),
                input("fee-inflation", "fee_inflation", "Fee inflation, % a year (blank for the default)", "number", form,
                        "any", null));
        List<Fieldset> fieldsets = new ArrayList<>();
        for (int row = 1; row <= ScenarioForm.RATE_ROWS; row++) {
            fieldsets.add(rateChange(form, row));
        }
        for (int row = 1; row <= ScenarioForm.INTERVENTION_ROWS; row++) {
            fieldsets.add(intervention(form, row));
        }
        return new Editor(view.done(), republishState(view.republish()), rows, account.admin(), q, account.csrfToken(),
                view.error(), fields, fieldsets);
    }

    private static Fieldset rateChange(ScenarioForm form, int row) {
        String id = "rate" + row;
        return new Fieldset("Rate change " + row, List.of(
                select(id + "-kind", rateField(row, "kind"), "Changes", KINDS, form),
                select(id + "-group", rateField(row, "group"), "Placement group (entered or left)", groups("Any group"), form),
                select(id + "-to-group", rateField(row, "to_group"), "Moves to (moves only)", groups("Any group"), form),
                select(id + "-age-band", rateField(row, "age_band"), "Age band", ageBands(), form),
                input(id + "-multiply", rateField(row, "multiply"), "Multiply the rate by (1 = unchanged)", "number", form,
                        "any", "0"),
                input(id + "-add", rateField(row, "add_per_year"), "Add per year (children for entries, per child otherwise)",
                        "number", form, "any", null)));
    }

    private static Fieldset intervention(ScenarioForm form, int row) {
        String id = "intervention" + row;
        return new Fieldset("Intervention " + row, List.of(
                input(id + "-name", interventionField(row, "name"), "Name", "text", form, null, null),
                input(id + "-start", interventionField(row, "start"), "Start date", "date", form, null, null),
                select(id + "-from-group", interventionField(row, "from_group"), "Children move from",
                        groups("None (places only)"), form),
                select(id + "-to-group", interventionField(row, "to_group"), "Children move to, or places of",
                        groups("Choose a group"), form),
                select(id + "-age-band", interventionField(row, "age_band"), "Age band", ageBands(), form),
                input(id + "-children", interventionField(row, "children"), "Children moved", "number", form, "any", "0"),
                select(id + "-per-year", interventionField(row, "per_year"), "When", ONCE_OR_YEARLY, form),
                input(id + "-places", interventionField(row, "places"),
                        "Places added (kept filled from the group moved from)", "number", form, "1", "0")));
    }

    private static Input input(String id, String name, String label, String type, ScenarioForm form, String step,
                               String min) {
        return new Input(id, name, label, type, form.value(name), step, min, null, false);
    }

    private static Select select(String id, String name, String label, Map<String, String> options, ScenarioForm form) {
        String chosen = form.value(name);
        return new Select(id, name, label, options.entrySet().stream()
                .map(o -> new Option(o.getKey(), o.getValue(), o.getKey().equals(chosen))).toList());
    }

    private static Map<String, String> groups(String none) {
        Map<String, String> groups = options("", none);
        Arrays.stream(PlacementGroup.values()).forEach(g -> groups.put(g.id(), g.label()));
        return groups;
    }

    private static Map<String, String> ageBands() {
        Map<String, String> bands = options("", "All ages");
        Arrays.stream(AgeBand.values()).forEach(b -> bands.put(b.label(), b.label()));
        return bands;
    }

    /** Value, label pairs in order. */
    private static Map<String, String> options(String... pairs) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            options.put(pairs[i], pairs[i + 1]);
        }
        return options;
    }
}
