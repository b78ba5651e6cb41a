package uk.sufficiency.dashboard;

import static uk.sufficiency.dashboard.Drawing.bars;
import static uk.sufficiency.dashboard.Drawing.lines;
import static uk.sufficiency.dashboard.Drawing.linesBy;
import static uk.sufficiency.dashboard.Drawing.stackedBars;

import java.util.List;
import java.util.Optional;

/** One page of the dashboard: where it lives, its heading, a sentence on what it is for, and its charts. */
record Page(String path, String navLabel, String heading, String lead, List<Chart> charts) {

    static final Page KPIS = new Page("/", "Strategy KPIs", "Sufficiency strategy KPIs",
            "Each KPI of the sufficiency strategy against the straight line from its baseline to its target: green"
                    + " when at or better than that trajectory, amber when worse by no more than the tolerance, red"
                    + " when worse by more.", List.of());

    static final Page CHILDREN = new Page("/children", "Children looked after", "Children looked after",
            "How many children the council looks after at each month end, where they live, who they are, and how"
                    + " many start and stop being looked after each year.",
            List.of(Chart.of("cla-month-end", stackedBars("month_end", "category", "children", "Children"),
                            "An episode that ends on a month end does not count on it; one that starts on it does."),
                    Chart.of("cla-rate-month-end", lines("month_end", List.of("rate_per_10000"), "Rate per 10,000"),
                            "Rate = children looked after ÷ the ONS mid-year 0-17 population for the calendar year"
                                    + " before the collection year × 10,000; blank without a population estimate."),
                    Chart.of("cla-legal-status", stackedBars("month_end", "legal_status", "children", "Children"), null),
                    Chart.of("cla-age-band", stackedBars("month_end", "age_band", "children", "Children"),
                            "Age in completed years on the month end (DfE age bands)."),
                    Chart.of("cla-sex", stackedBars("month_end", "sex", "children", "Children"), null),
                    Chart.of("cla-year", bars("year", List.of("looked_after_31_march", "started", "ceased"), "Children"),
                            "Started and ceased are distinct children in the year to 31 March; a child who left with"
                                    + " reason X1 (episode ceased, care continues) has not ceased."),
                    Chart.of("cla-ceased-reason", stackedBars("year", "reason_group", "children", "Children"),
                            "The reason of each child's last episode that ended in the year."),
                    Chart.of("section20-age-band", stackedBars("month_end", "age_band", "children", "Children"),
                            "Section 20 is legal status V2 (accommodated by agreement)."),
                    Chart.of("section20-category", stackedBars("month_end", "category", "children", "Children"), null)));

    static final Page BENCHMARKS = new Page("/benchmarks", "Benchmarks", "Benchmarks",
            "The council's rates per 10,000 children against England, its region and its ten statistical"
                    + " neighbours, with its rank among all councils and its quartile band (A is the best quarter).",
            FigureCatalogueCharts.benchmarks());

    static final Page FOSTERING = new Page("/fostering", "Fostering", "Fostering: in-house and agency",
            "Non-connected foster placements with the council's own carers against independent fostering agencies"
                    + " (IFA), by age at each quarter end, and kinship placements over time.",
            List.of(Chart.of("ifa-share", "fostering-quarter", linesBy("quarter_end", "age_group", "ifa_share", "IFA share (%)")
                            .inPercent(), "Non-connected foster placements at each quarter end, in-house and IFA by age,"
                            + " and the IFA share", "IFA share = IFA ÷ (in-house + IFA) non-connected foster placements."),
                    Chart.of("fostering-all-ages", "fostering-quarter",
                            bars("quarter_end", List.of("inhouse", "ifa", "kinship"), "Children").onlyWhere("age_group", "All"),
                            "In-house, IFA and kinship foster placements at each quarter end, all ages",
                            "Kinship (connected) carers are family or friends.")));

    static final Page DATA_QUALITY = new Page("/data-quality", "Data quality", "Data quality",
            "What the pipeline's runs read, which rows it rejected and why, and what it warned about.",
            List.of(Chart.of("rejects-by-reason", bars("reason", List.of("rows"), "Rows"),
                            "Rejected rows are kept aside with their file and line and count in no figure."),
                    Chart.of("warnings-by-type", bars("warning", List.of("rows"), "Rows"),
                            "Warnings are reported and the rows still counted.")));

    static final List<Page> ALL = List.of(KPIS, CHILDREN, BENCHMARKS, FOSTERING, DATA_QUALITY);

    static Optional<Page> at(String path) {
        return ALL.stream().filter(p -> p.path.equals(path)).findFirst();
    }
}
