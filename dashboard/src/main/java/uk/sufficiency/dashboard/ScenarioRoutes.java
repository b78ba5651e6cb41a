package uk.sufficiency.dashboard;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import uk.sufficiency.dashboard.auth.Role;
import uk.sufficiency.warehouse.forecast.Scenario;
import uk.sufficiency.warehouse.forecast.ScenarioStore;

/**
 * What the Forecast page's scenario forms do: save or delete a scenario (administrators only, from
 * the dashboard's own form) and remake the forecast, then go back to the page; and download a
 * scenario's definition as JSON, which holds no child's data, for anyone signed in.
 */
final class ScenarioRoutes {
    private final Path warehouseDir;
    private final ScenarioStore store;
    private final BackgroundRepublish republish;

    ScenarioRoutes(Path warehouseDir, BackgroundRepublish republish) {
        this.warehouseDir = warehouseDir;
        this.store = new ScenarioStore(warehouseDir);
        this.republish = republish;
    }

    /** A valid scenario is saved and the forecast remade in the background; an invalid one shows the page again with why (400). */
    void save(Context ctx, Figures figures, String la) {
        mayChange(ctx, la);
        ScenarioForm form = ScenarioForm.of(ctx);
        Scenario scenario;
        try {
            scenario = form.scenario(la);
            store.save(scenario);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            DashboardPage.render(ctx, PageRenderer.content(Page.FORECAST, figures, la, DashboardServer.account(ctx),
                    DashboardServer.pageQuery(ctx, la), warehouseDir,
                    new ScenarioEditor.View(form, e.getMessage(), null, republish.status())));
            return;
        }
        republish.request();
        backToThePage(ctx, la, "saved", scenario.name());
    }

    void delete(Context ctx, Figures figures, String la) {
        mayChange(ctx, la);
        String name = ctx.formParam("name");
        Scenario scenario = saved(la, name);
        if (scenario.la() == null && !Login.signedIn(ctx).user().seesAllLas()) {
            throw new ForbiddenResponse("'" + name + "' is projected for every LA: only an administrator of all LAs"
                    + " can delete it.");
        }
        store.delete(scenario.la(), name);
        republish.request();
        backToThePage(ctx, la, "deleted", name);
    }

    /** The definition as saved: the file {@link ScenarioStore} reads, holding no child's data. */
    void download(Context ctx, Figures figures, String la) {
        String name = ctx.queryParam("name");
        Scenario scenario = saved(la, name);
        ctx.contentType("application/json");
        ctx.header("Content-Disposition", "attachment; filename=\"scenario-" + DashboardServer.fileNamePart(name)
                + ".json\"");
        ctx.result(ScenarioStore.toJson(scenario));
    }

    /** The LA's scenario of that name, or its scenario for every LA. */
    private Scenario saved(String la, String name) {
        return store.forLa(la).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("No saved scenario of " + la + " is called '" + name + "'."));
    }

    /**
     * Refuses (403) a form from elsewhere, or from anyone but an administrator of the LA: a scenario's
     * children are one LA's, so it is saved for the LA whose page it was made on.
     */
    private static void mayChange(Context ctx, String la) {
        if (!Login.fromThisDashboard(ctx)) {
            throw new ForbiddenResponse("The form did not come from this dashboard, so nothing was changed. "
                    + "Use the form on the Forecast page.");
        }
        if (Login.signedIn(ctx).user().role() != Role.ADMIN) {
            throw new ForbiddenResponse("Only a dashboard administrator can save or delete scenarios.");
        }
        if (!Login.signedIn(ctx).user().viewer().seesExactly(la)) {
            throw new ForbiddenResponse("You can save and delete scenarios of your own LA only, not " + la + ".");
        }
    }

    private static void backToThePage(Context ctx, String la, String done, String name) {
        ctx.redirect("/forecast?la=" + URLEncoder.encode(la, StandardCharsets.UTF_8) + "&" + done + "="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "#scenarios", HttpStatus.SEE_OTHER);
    }
}
