package uk.sufficiency.pipeline.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sanity check that Demo County, with the default options, looks like Lancashire at 31 March 2022
 * (the sufficiency strategy's figures): about 1,940 children looked after, 64.7% fostered, 11.4%
 * placed with parents and 11.5% in children's homes. One seed is one random sample, so the
 * tolerances allow for chance: the stock within ±5% (±97 children), fostering within ±3
 * percentage points, placed with parents and children's homes within ±2 points each.
 */
class DemoCountyCalibrationTest {
    @Test
    void demoCountyMatchesLancashireAt31March2022(@TempDir Path out) throws IOException {
        GeneratedReturns returns = GeneratedReturns.generate(GeneratorOptions.defaults(out));
        StockFigures march2022 = new StockFigures(returns.episodes.get(2022), returns.headers.get(2022), 2022);
        System.out.println("Demo County at 31 March 2022: " + march2022.describe());

        assertEquals(1940, march2022.stock, 1940 * 0.05);
        assertEquals(64.7, march2022.share("fostering"), 3.0);
        assertEquals(11.4, march2022.share("with_parents"), 2.0);
        assertEquals(11.5, march2022.share("childrens_homes"), 2.0);
    }
}
