package uk.sufficiency.pipeline.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CollectionYearInNameTest {
    @Test
    void spansMeanTheirLaterYear() {
        assertEquals(2022, CollectionYearInName.inName("episodes_2021-22.csv"));
        assertEquals(2022, CollectionYearInName.inName("episodes_2021_22.csv"));
        assertEquals(2022, CollectionYearInName.inName("ssda903_202122_episodes.csv"));
        assertEquals(2000, CollectionYearInName.inName("1999-00 header.csv"));
    }

    @Test
    void fourDigitSpansMeanTheirLaterYear() {
        assertEquals(2022, CollectionYearInName.inName("returns_2021-2022"));
        assertEquals(2022, CollectionYearInName.inName("episodes_2021_2022.csv"));
        assertEquals(2000, CollectionYearInName.inName("1999-2000 header.csv"));
        assertEquals(2022, CollectionYearInName.of(Path.of("/landing"), Path.of("/landing/2021-2022/episodes.csv")));
        // 2022 does not follow 2019: the lone first year is taken, as for 2021-23.
        assertEquals(2019, CollectionYearInName.inName("2019-2022 episodes.csv"));
        // Eight digits without a separator are not a span (nor a lone year): a date or an id, more likely.
        assertNull(CollectionYearInName.inName("extract_20212022.csv"));
    }

    @Test
    void aLoneYearMeansItself() {
        assertEquals(2021, CollectionYearInName.inName("2021-episodes.csv"));
        assertEquals(2019, CollectionYearInName.inName("header2019.csv"));
    }

    @Test
    void digitsThatAreNotAYearAreIgnored() {
        assertNull(CollectionYearInName.inName("episodes.csv"));
        assertNull(CollectionYearInName.inName("extract_88812345.csv"));
        // 2021 followed by 23 is not a one-year span, so the lone year is taken.
        assertEquals(2021, CollectionYearInName.inName("2021-23 episodes.csv"));
    }

    @Test
    void theFileNameComesBeforeItsFolders() {
        Path input = Path.of("/landing");
        assertEquals(2020, CollectionYearInName.of(input, Path.of("/landing/2019-20/episodes.csv")));
        assertEquals(2018, CollectionYearInName.of(input, Path.of("/landing/2019-20/episodes_2018.csv")));
        assertNull(CollectionYearInName.of(input, Path.of("/landing/returns/episodes.csv")));
        // The input folder's own name is not looked at.
        assertNull(CollectionYearInName.of(Path.of("/data/2017"), Path.of("/data/2017/episodes.csv")));
    }
}
