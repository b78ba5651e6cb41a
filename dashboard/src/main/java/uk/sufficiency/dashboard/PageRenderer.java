package uk.sufficiency.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.figures.FigureCatalogue;
import uk.sufficiency.warehouse.forecast.ScenarioStore;

/** Reads a page's figures for one LA into its panels, for dashboard.jte to render inside the common layout. */
final class PageRenderer {
    private PageRenderer() {
    }

    /** {@code editor} is what the Forecast page's scenario editor shows; other pages have none. */
    static DashboardPage.Content content(Page page, Figures figures, String la, DashboardPage.Account account,
                                         String query, Path warehouseDir, ScenarioEditor.View editor) {
        List<Panel> panels = new ArrayList<>();
        if (page == Page.KPIS) {
            Map<String, List<Map<String, Object>>> series = new LinkedHashMap<>();
            List<Map<String, Object>> status = figures.rows(FigureCatalogue.get("kpi-status"), la);
            panels.add(KpiCards.view(status,
                    kpi -> series.computeIfAbsent(kpi, k -> figures.rows(FigureCatalogueCharts.kpi(k).figure(), la)),
                    kpi -> ChartPanel.view(FigureCatalogueCharts.kpi(kpi), la, query, series.get(kpi))));
        }
        if (page == Page.DATA_QUALITY) {
            panels.add(RunsPanel.view(warehouseDir, figures.snapshot(), figures.las().stream().allMatch(figures::exactFor)));
        }
        for (Chart chart : page.charts()) {
            panels.add(ChartPanel.view(chart, la, query, figures.rows(chart.figure(), la)));
        }
        if (page == Page.FORECAST) {
            panels.add(ScenarioEditor.editor(new ScenarioStore(warehouseDir).forLa(la), account, query, editor));
        }
        return new DashboardPage.Content(page, la, figures.las(), figures.from(), figures.to(), figures.snapshot(),
                figures.exactFor(la), figures.forPublication(), account, panels);
    }
}
