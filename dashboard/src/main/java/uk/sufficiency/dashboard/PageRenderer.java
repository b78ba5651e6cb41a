package uk.sufficiency.dashboard;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.figures.FigureCatalogue;
import uk.sufficiency.warehouse.forecast.ScenarioStore;

/** Reads a page's figures for one LA and renders its panels inside the common layout. */
final class PageRenderer {
    private PageRenderer() {
    }

    /** {@code editor} is what the Forecast page's scenario editor shows; other pages have none. */
    static String render(Page page, Figures figures, String la, DashboardPage.Account account, String query,
                         Path warehouseDir, ScenarioEditor.View editor) {
        StringBuilder panels = new StringBuilder();
        if (page == Page.KPIS) {
            Map<String, List<Map<String, Object>>> series = new LinkedHashMap<>();
            List<Map<String, Object>> status = figures.rows(FigureCatalogue.get("kpi-status"), la);
            panels.append(KpiCards.render(status,
                    kpi -> series.computeIfAbsent(kpi, k -> figures.rows(FigureCatalogueCharts.kpi(k).figure(), la)),
                    kpi -> ChartPanel.render(FigureCatalogueCharts.kpi(kpi), la, query, series.get(kpi))));
        }
        if (page == Page.DATA_QUALITY) {
            panels.append(RunsPanel.render(warehouseDir, figures.snapshot()));
        }
        for (Chart chart : page.charts()) {
            panels.append(ChartPanel.render(chart, la, query, figures.rows(chart.figure(), la)));
        }
        if (page == Page.FORECAST) {
            panels.append(ScenarioEditor.render(new ScenarioStore(warehouseDir).forLa(la), account, query, editor));
        }
        return DashboardPage.render(new DashboardPage.Content(page, la, figures.las(), figures.from(), figures.to(),
                figures.snapshot(), figures.exactFor(la), figures.forPublication(), account, panels.toString()));
    }
}
