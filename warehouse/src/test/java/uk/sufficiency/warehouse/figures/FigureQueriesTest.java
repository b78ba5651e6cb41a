package uk.sufficiency.warehouse.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The figures' query files: each one used, and placeholders filled only with codes. */
class FigureQueriesTest {
    @Test
    void everyFigureFileIsTheQueryOfAFigure() throws Exception {
        assertTrue(FigureCatalogue.all().size() > 50); // loads the catalogue, which reads every figure's file
        Path folder = Path.of(FigureQueriesTest.class.getClassLoader().getResource("figures/kpi.sql").toURI()).getParent();
        List<String> onDisk;
        try (Stream<Path> files = Files.list(folder)) {
            onDisk = files.map(p -> "figures/" + p.getFileName()).sorted().toList();
        }
        assertEquals(onDisk, FigureQueries.read().stream().sorted().toList());
    }

    @Test
    void aFamilyFileIsFilledWithItsCode() {
        String sql = FigureQueries.of("kpi", Map.of("kpi", "fostering_share"));
        assertTrue(sql.contains("WHERE kpi = 'fostering_share'"), sql);
        assertTrue(!sql.contains("${"), sql);
    }

    @Test
    void aPlaceholderTakesOnlyLowerCaseWords() {
        IllegalArgumentException quoted = assertThrows(IllegalArgumentException.class,
                () -> FigureQueries.of("kpi", Map.of("kpi", "x' OR true OR '")));
        assertTrue(quoted.getMessage().startsWith("figures/kpi.sql needs ${kpi} as lower-case words"), quoted.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> FigureQueries.of("kpi", Map.of()));
        assertTrue(missing.getMessage().startsWith("figures/kpi.sql needs ${kpi}"), missing.getMessage());
        IllegalArgumentException unused = assertThrows(IllegalArgumentException.class,
                () -> FigureQueries.of("kpi", Map.of("kpi", "fostering_share", "measure", "started")));
        assertTrue(unused.getMessage().startsWith("figures/kpi.sql has no placeholder"), unused.getMessage());
    }
}
