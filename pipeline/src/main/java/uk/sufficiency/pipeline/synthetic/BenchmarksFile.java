package uk.sufficiency.pipeline.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * benchmarks.csv, the simple benchmarks file of inputs.md §5 ({@code AREA, AREA_TYPE, YEAR, MEASURE,
 * VALUE, REGION}), for the first LA (the demo county, calibrated to Lancashire): the published rates
 * per 10,000 children looked after at 31 March that Lancashire's Corporate Parenting Board compares
 * itself with, for each collection year from 2011 to {@code lastYear} that has one. Rows:
 * {@code england} (AREA England), {@code region} (AREA North West), {@code statistical_neighbours}
 * (AREA the demo LA: its neighbours' average) and an {@code la} row for the demo LA with VALUE
 * {@code z} (it has no published figure of its own; the warehouse computes its rate) and REGION
 * North West, which is how the warehouse learns the demo LA's region.
 */
final class BenchmarksFile {
    static final String REGION = "North West";

    /** One collection year's published rates: England, North West, Lancashire's statistical neighbours. */
    record Rates(int year, String england, String northWest, String neighbours) {
    }

    /**
     * Rate per 10,000 children looked after at 31 March.
     * <ul>
     * <li>2011-2021: the seed's table "Rate per 10,000 at 31 March" (seeds/004, Lancashire's CLA
     * sufficiency strategy; OCR'd, printed ×10: 580 = 58; NW 2018/19 "9540" is 94, as its text says;
     * the text confirms England 65 and NW 94 in 2019, 67 and 97 in 2020 and 2021, and the neighbours'
     * average 72 in 2019, 77 in 2020 and 80 in 2021). The neighbours are the model of the time.
     * <li>2022-2025: DfE, "Children looked after in England including adoptions", 2025 release
     * (cla_number_and_rate_per_10k_children.csv): England and North West as published; the
     * neighbours' figure is the mean, one decimal, of the published rates of Lancashire's ten
     * neighbours in DfE's 2025 model (sn_model_2025_wide.csv: Lincolnshire, Bury, Dudley,
     * Herefordshire, Darlington, Stockton-on-Tees, Wakefield, Nottinghamshire, Northumberland,
     * Wigan), as LAIT averages them. The 2025 release revises 2021 to England 69 and North West 98
     * (populations rebased on the 2021 Census) and the 2025 model's neighbours averaged 88.2 that
     * year; the seed's 2021 figures are kept, as the Board saw them, so 2021 to 2022 also changes
     * neighbour model.
     * </ul>
     */
    static final List<Rates> RATES = List.of(
            new Rates(2011, "58", "76", "56.8"),
            new Rates(2012, "59", "76", "63.8"),
            new Rates(2013, "60", "78", "65.5"),
            new Rates(2014, "60", "81", "65.0"),
            new Rates(2015, "60", "82", "66.3"),
            new Rates(2016, "60", "82", "66.9"),
            new Rates(2017, "62", "86", "67.9"),
            new Rates(2018, "64", "91", "69.0"),
            new Rates(2019, "65", "94", "72.0"),
            new Rates(2020, "67", "97", "77.0"),
            new Rates(2021, "67", "97", "80.3"),
            new Rates(2022, "70", "97", "89.5"),
            new Rates(2023, "70", "96", "92.7"),
            new Rates(2024, "69", "94", "90.9"),
            new Rates(2025, "67", "90", "86.9"));

    private static final String MEASURE = "looked_after_31_march_rate";

    private BenchmarksFile() {
    }

    static Path write(GeneratorOptions options, LocalAuthorityProfile demo) throws IOException {
        Path file = options.outDir().resolve("benchmarks.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("AREA,AREA_TYPE,YEAR,MEASURE,VALUE,REGION\n");
            for (Rates rates : RATES) {
                if (rates.year() > options.lastYear()) {
                    continue;
                }
                String year = Integer.toString(rates.year());
                out.write(String.join(",", "England", "england", year, MEASURE, rates.england(), "") + "\n");
                out.write(String.join(",", REGION, "region", year, MEASURE, rates.northWest(), "") + "\n");
                out.write(String.join(",", demo.name(), "statistical_neighbours", year, MEASURE, rates.neighbours(), "")
                        + "\n");
                out.write(String.join(",", demo.name(), "la", year, MEASURE, "z", REGION) + "\n");
            }
        }
        return file;
    }
}
