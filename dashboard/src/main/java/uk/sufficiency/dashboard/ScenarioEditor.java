package uk.sufficiency.dashboard;

import static uk.sufficiency.dashboard.DashboardPage.escape;
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
import java.util.stream.Collectors;
import uk.sufficiency.warehouse.forecast.AgeBand;
import uk.sufficiency.warehouse.forecast.PlacementGroup;
import uk.sufficiency.warehouse.forecast.Scenario;

/**
 * The Forecast page's scenarios: those saved (each with its JSON and, for administrators, a delete
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

    /** One sentence on remaking the forecast in the background; nothing before the first save. */
    static String republishState(BackgroundRepublish.Status status) {
        if (status == null || status.state() == BackgroundRepublish.State.IDLE) {
            return "";
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
        return "<p class=\"note\" id=\"republish-state\" role=\"status\" data-state=\""
                + status.state().name().toLowerCase(Locale.ROOT) + "\">" + escape(text) + "</p>\n";
    }

    static String render(List<Scenario> saved, DashboardPage.Account account, String query, View view) {
        String disabled = account.admin() ? "" : " disabled";
        String q = escape("?" + query);
        String why = account.admin() ? "" : """
                <p class="note" id="editor-why">Only a dashboard administrator can save or delete scenarios: you are \
                signed in as a viewer. You can still download each scenario as JSON.</p>
                """;
        String done = (view.done() == null ? "" : "<p class=\"success\" role=\"status\">" + escape(view.done()) + "</p>\n")
                + republishState(view.republish());
        String error = view.error() == null ? ""
                : "<p class=\"error\" id=\"scenario-error\" role=\"alert\">" + escape(view.error()) + "</p>\n";
        ScenarioForm form = view.form();
        StringBuilder rows = new StringBuilder();
        for (int row = 1; row <= ScenarioForm.RATE_ROWS; row++) {
            rows.append(rateChange(form, row, disabled));
        }
        for (int row = 1; row <= ScenarioForm.INTERVENTION_ROWS; row++) {
            rows.append(intervention(form, row, disabled));
        }
        String describedBy = !error.isEmpty() ? " aria-describedby=\"scenario-error\""
                : !why.isEmpty() ? " aria-describedby=\"editor-why\"" : "";
        return """
                <section class="panel" id="scenarios" aria-labelledby="scenarios-heading">
                <h2 id="scenarios-heading">Scenarios</h2>
                %1$s%2$s<h3>Make a scenario</h3>
                <p>A scenario changes the fitted rates, or plans moves and new places from a date. Saving it remakes the \
                forecast with it beside the base in the background, which takes a few seconds; saving under an existing name replaces that \
                scenario. Leave a row blank to not use it.</p>
                %3$s%4$s<form class="scenario" method="post" action="/forecast/scenarios%5$s"%6$s>
                <input type="hidden" name="csrf" value="%7$s">
                <fieldset%8$s>
                <legend>The scenario</legend>
                <div class="fields">
                %9$s
                %10$s
                %11$s
                </div>
                </fieldset>
                %12$s<button type="submit"%8$s>Save the scenario and remake the forecast</button>
                </form>
                </section>
                """.formatted(done, savedList(saved, account, q, disabled), why, error, q, describedBy,
                escape(account.csrfToken()), disabled,
                input("scenario-name", "name", "Name (letters, digits, spaces, '.', '_' or '-')", "text", form,
                        " maxlength=\"60\" required"),
                input("scenario-description", "description", "Description (optional)", "text", form, ""),
                input("fee-inflation", "fee_inflation", "Fee inflation, % a year (blank for the default)", "number", form,
                        " step=\"any\""), rows);
    }

    private static String savedList(List<Scenario> saved, DashboardPage.Account account, String q, String disabled) {
        if (saved.isEmpty()) {
            return "<p>No scenarios are saved: the forecast shows the base (the fitted rates, unchanged) alone.</p>\n";
        }
        List<List<String>> body = new ArrayList<>();
        for (Scenario scenario : saved) {
            String name = escape(scenario.name());
            String json = "/forecast/scenario.json" + q + "&amp;name="
                    + escape(URLEncoder.encode(scenario.name(), StandardCharsets.UTF_8));
            body.add(List.of(name, scenario.description() == null ? "" : escape(scenario.description()),
                    "<a href=\"" + json + "\" download>JSON</a>", """
                    <form method="post" action="/forecast/scenarios/delete%s">\
                    <input type="hidden" name="csrf" value="%s"><input type="hidden" name="name" value="%s">\
                    <button type="submit" class="secondary"%s>Delete %s</button></form>""".formatted(q,
                            escape(account.csrfToken()), name, disabled, name)));
        }
        return ChartPanel.html("Saved scenarios", List.of("Scenario", "Description", "Definition", "Delete"), body) + "\n";
    }

    private static String rateChange(ScenarioForm form, int row, String disabled) {
        String id = "rate" + row;
        return """
                <fieldset%s>
                <legend>Rate change %s</legend>
                <div class="fields">
                %s
                %s
                %s
                %s
                %s
                %s
                </div>
                </fieldset>
                """.formatted(disabled, row,
                select(id + "-kind", rateField(row, "kind"), "Changes", KINDS, form),
                select(id + "-group", rateField(row, "group"), "Placement group (entered or left)", groups("Any group"), form),
                select(id + "-to-group", rateField(row, "to_group"), "Moves to (moves only)", groups("Any group"), form),
                select(id + "-age-band", rateField(row, "age_band"), "Age band", ageBands(), form),
                input(id + "-multiply", rateField(row, "multiply"), "Multiply the rate by (1 = unchanged)", "number", form,
                        " step=\"any\" min=\"0\""),
                input(id + "-add", rateField(row, "add_per_year"), "Add per year (children for entries, per child otherwise)",
                        "number", form, " step=\"any\""));
    }

    private static String intervention(ScenarioForm form, int row, String disabled) {
        String id = "intervention" + row;
        return """
                <fieldset%s>
                <legend>Intervention %s</legend>
                <div class="fields">
                %s
                %s
                %s
                %s
                %s
                %s
                %s
                %s
                </div>
                </fieldset>
                """.formatted(disabled, row,
                input(id + "-name", interventionField(row, "name"), "Name", "text", form, ""),
                input(id + "-start", interventionField(row, "start"), "Start date", "date", form, ""),
                select(id + "-from-group", interventionField(row, "from_group"), "Children move from",
                        groups("None (places only)"), form),
                select(id + "-to-group", interventionField(row, "to_group"), "Children move to, or places of",
                        groups("Choose a group"), form),
                select(id + "-age-band", interventionField(row, "age_band"), "Age band", ageBands(), form),
                input(id + "-children", interventionField(row, "children"), "Children moved", "number", form,
                        " step=\"any\" min=\"0\""),
                select(id + "-per-year", interventionField(row, "per_year"), "When", ONCE_OR_YEARLY, form),
                input(id + "-places", interventionField(row, "places"),
                        "Places added (kept filled from the group moved from)", "number", form, " step=\"1\" min=\"0\""));
    }

    private static String input(String id, String name, String label, String type, ScenarioForm form, String extra) {
        return """
                <div class="field"><label for="%1$s">%2$s</label>
                <input id="%1$s" name="%3$s" type="%4$s" value="%5$s"%6$s></div>""".formatted(id, escape(label), name, type,
                escape(form.value(name)), extra);
    }

    private static String select(String id, String name, String label, Map<String, String> options, ScenarioForm form) {
        String chosen = form.value(name);
        String list = options.entrySet().stream().map(o -> "<option value=\"" + escape(o.getKey()) + "\""
                + (o.getKey().equals(chosen) ? " selected" : "") + ">" + escape(o.getValue()) + "</option>")
                .collect(Collectors.joining());
        return """
                <div class="field"><label for="%1$s">%2$s</label>
                <select id="%1$s" name="%3$s">%4$s</select></div>""".formatted(id, escape(label), name, list);
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
