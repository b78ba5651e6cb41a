package uk.sufficiency.pipeline.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * kpi_targets.csv, the strategy targets file of inputs.md §5, for the first LA (the demo county,
 * calibrated to Lancashire): the five KPIs of Lancashire's CLA Sufficiency Strategy 2021-2024,
 * section 5 (seeds/004), as that council would load them. Each row names the demo county as its LA,
 * so no other LA of a pooled warehouse is measured against Lancashire's targets, and says in SOURCE
 * which document the targets are from. The baselines are the strategy's "Baseline Levels (March
 * 2020)"; the warehouse computes the county's own baseline from its data and shows both. The strategy
 * runs to 2024 and says "by 2024, we aim to increase the proportion of our fostering placements to
 * 70%", so every target is dated 31 March 2024, the end of its last year.
 */
final class TargetsFile {
    static final String NAME = "kpi_targets.csv";
    static final String SOURCE = "Lancashire CLA Sufficiency Strategy 2021-2024: section 5";

    /** KPI, baseline (31 March 2020), target (31 March 2024), which way is better. */
    record Target(String kpi, String baseline, String target, String polarity) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("with_parents_share", "15.5", "13.5", "down"),
            new Target("fostering_share", "62.3", "70", "up"),
            new Target("step_down_started", "6", "10", "up"),
            new Target("childrens_homes_share", "9.1", "8.3", "down"),
            new Target("block_supported_high_priority_share", "53", "60", "up"));

    private TargetsFile() {
    }

    static Path write(GeneratorOptions options, LocalAuthorityProfile demo) throws IOException {
        Path file = options.outDir().resolve(NAME);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("LA,KPI,BASELINE_DATE,BASELINE_VALUE,TARGET_DATE,TARGET_VALUE,POLARITY,TOLERANCE,SOURCE\n");
            for (Target t : TARGETS) {
                out.write(String.join(",", demo.name(), t.kpi(), "31/03/2020", t.baseline(), "31/03/2024", t.target(),
                        t.polarity(), "1", SOURCE) + "\n");
            }
        }
        return file;
    }
}
