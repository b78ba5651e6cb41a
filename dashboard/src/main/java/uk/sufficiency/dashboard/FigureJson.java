package uk.sufficiency.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.figures.Figure;

/** A figure's JSON answer: whose and what figures they are first, then the columns, then the rows. */
final class FigureJson {
    private FigureJson() {
    }

    static Map<String, Object> body(Figure figure, String la, Figures figures, List<Map<String, Object>> rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("la", la);
        body.put("figure", figure.id());
        body.put("title", ChartPanel.title(figure, la, rows));
        body.put("from", figures.from() == null ? null : figures.from().toString());
        body.put("to", figures.to() == null ? null : figures.to().toString());
        body.put("publication", figures.forPublication());
        body.put("columns", figure.columns().stream()
                .map(c -> Map.of("name", c.name(), "label", c.label(), "role", c.role().name().toLowerCase())).toList());
        body.put("rows", rows);
        return body;
    }
}
