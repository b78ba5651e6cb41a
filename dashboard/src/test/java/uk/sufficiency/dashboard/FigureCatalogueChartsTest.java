package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureCatalogueChartsTest {
    private static Map<String, Object> year(int year, Object rank, Object band, String model, Object count) {
        Map<String, Object> row = new HashMap<>();
        row.put("year", year);
        row.put("rank", rank);
        row.put("las_ranked", 153);
        row.put("quartile_band", band);
        row.put("sn_model", model);
        row.put("sn_count", count);
        return row;
    }

    @Test
    void theLatestYearIsSummarised() {
        assertEquals("Year to 31 March 2024: rank 45 of 153 LAs, quartile band B; statistical neighbours from "
                        + "DfE's 2025 model (10 with a rate).",
                FigureCatalogueCharts.rankAndBand(List.of(year(2023, 50, "B", "2025", 9), year(2024, 45, "B", "2025", 10))));
    }

    @Test
    void aSuppressedRankReadsAsSuppressed() {
        assertEquals("Year to 31 March 2024: rank [c] of 153 LAs, quartile band [c]; statistical neighbours from "
                + "DfE's 2025 model (10 with a rate).", FigureCatalogueCharts.rankAndBand(List.of(year(2024, "[c]", "[c]",
                "2025", 10))));
    }
}
