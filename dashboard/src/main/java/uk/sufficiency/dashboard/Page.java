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
                    + " when worse by more.",
            List.of(Chart.of("kpi-summary", null, "The seed strategy's KPI table. Impact since the baseline = the"
                    + " latest value − the baseline (the LA's own value at the baseline date, from its data); an LA"
                    + " without its own targets has no baseline, target or RAG.")));

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
                    Chart.of("section20-category", stackedBars("month_end", "category", "children", "Children"), null),
                    Chart.of("section20-age-group", stackedBars("month_end", "age_group", "children", "Children"),
                            "The strategy's age bands, in completed years on 31 March; 16-17 counts any child aged 16"
                                    + " or over."),
                    Chart.of("cla-sex-31-march", stackedBars("month_end", "sex", "children", "Children"),
                            "% male is the male row's share. England's figures by sex are not in the DfE files the"
                                    + " warehouse reads (cla_number_and_rate_per_10k_children.csv gives totals only),"
                                    + " so England is not drawn."),
                    Chart.of("cla-age-band-31-march", stackedBars("month_end", "age_band", "children", "Children"),
                            "DfE age bands. England's age mix is not in the DfE files the warehouse reads, so it is"
                                    + " not drawn."),
                    Chart.of("cla-ethnicity", stackedBars("month_end", "ethnic_group", "children", "Children"),
                            "DfE's main ethnic groups from the Header's ETHNIC code (Chinese is counted with any other"
                                    + " ethnic group); children with no code, an unknown one or no Header row are"
                                    + " not recorded.")));

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

    static final Page COSTS = new Page("/costs", "Costs", "What placements cost",
            "Placements costed at each month end by kind of home, their annualised cost (weekly fees × 52) and"
                    + " average weekly fee, in-house against agency, and spend by financial year.",
            List.of(Chart.of("cost-annualised", "cost-by-category", stackedBars("month_end", "category",
                                    "annualised_cost", "£ a year"),
                            "Annualised cost at each month end, by placement category",
                            "Annualised cost = the weekly fees of the placements costed on the day × 52.")
                            .withSummary(CostSummary::agencyFostering),
                    Chart.of("cost-weekly-fee", "cost-by-category", linesBy("month_end", "category", "avg_weekly_cost",
                                    "£ a week"),
                            "Average weekly fee at each month end, by placement category",
                            "The mean weekly fee of the placements costed on the day."),
                    Chart.of("cost-inhouse-agency", linesBy("month_end", "sector", "avg_weekly_cost", "£ a week")
                            .onlyWhere("kind", "fostering"), "In-house foster placements against agency (IFA)"
                            + " placements: the table has every kind of home."),
                    Chart.of("cost-by-contract", stackedBars("month_end", "contract", "placements", "Placements"),
                            "Provider is the 903 PLACE_PROVIDER code of the episode each cost is attributed to (PR1 the"
                                    + " council, PR4 private, PR5 voluntary)."),
                    Chart.of("spend-year", stackedBars("year", "category", "spend", "£"),
                            "Spend = the weekly fee ÷ 7 for every day a cost line covers in the year to 31 March."),
                    Chart.of("cost-age-band", bars("month_end", List.of("avg_weekly_cost"), "£ a week")
                            .onlyWhere("age_band", "16 and over"), "Average weekly fee for children aged 16 and over;"
                            + " the table has every age band."),
                    Chart.of("fee-bands", stackedBars("month_end", "fee_band", "placements", "Placements"),
                            "The highest-cost placements are counted in bands, never listed."),
                    Chart.of("fee-changes", stackedBars("month_end", "category", "fee_changes", "Fee changes"),
                            "A fee change is a new cost line for the same child and provider at a different fee.")));

    static final Page HARD_TO_FIND = new Page("/hard-to-find", "Hard to find", "Placement searches and the hard to find",
            "Requests for a placement received by the placement team, by type, and the share hard to find (three"
                    + " or more search rounds, or a targeted ring-round).",
            List.of(Chart.of("requests-by-type", stackedBars("year", "request_type", "requests", "Requests"),
                            "Counted in the financial year the request was received."),
                    Chart.of("requests-quarter", linesBy("quarter_end", "request_group", "hard_to_find_share",
                            "% hard to find").inPercent(), null),
                    Chart.of("requests-age-band", stackedBars("year", "age_band", "hard_to_find", "Hard to find"),
                            "Age in completed years on the day the request was received."),
                    Chart.of("requests-profile", stackedBars("year", "urgency", "hard_to_find", "Hard to find")
                            .onlyWhere("request_group", "fostering"), "Hard-to-find foster requests by urgency; the"
                            + " table has every kind of home, with and without siblings."),
                    Chart.of("hard-to-find-foster-profile", bars("year", List.of("aged_11_plus_share",
                            "sibling_group_share", "same_day_share", "ended_in_home_share"), "%").inPercent(), null),
                    Chart.of("requests-needs", Drawing.groupedBars("need", "year", "share", "% naming it").inPercent()
                            .onlyWhere("request_group", "childrens_home"), "Children's home referrals that were hard to"
                            + " find, one bar a year; each referral may name several."),
                    Chart.of("requests-outcomes", stackedBars("year", "outcome", "requests", "Requests"), null),
                    Chart.of("step-down-started", bars("year", List.of("placements"), "Placements"),
                            "Step-down requests placed, by the year of OUTCOME_DATE (strategy KPI 3).")));

    static final Page CAPACITY = new Page("/capacity", "Capacity", "Capacity: provision against use",
            "What the council can supply (foster places, children's home beds, block contracts) and how much of it"
                    + " is used, and who uses the block supported accommodation beds.",
            List.of(Chart.of("capacity-occupancy", "capacity-provision", linesBy("date", "provision", "occupancy",
                            "% occupied").inPercent(), "Occupancy by provision", null),
                    Chart.of("capacity-demand", linesBy("date", "provision", "demand", "Children"),
                            "Children the 903 has placed in each provision on each date against its places: in-house"
                                    + " places hold the group's children, block beds those whose cost line is"
                                    + " block-contracted. The table has both, and the occupancy reported; the"
                                    + " Forecast page's gap starts from these figures."),
                    Chart.of("capacity-block-priority", Drawing.stackedValues("date", List.of("occupied_high",
                            "occupied_medium", "occupied_low"), "Beds"), "Strategy KPI 5 is the high-priority share.")));

    static final Page DATA_QUALITY = new Page("/data-quality", "Data quality", "Data quality",
            "What the pipeline's runs read, which rows it rejected and why, and what it warned about.",
            List.of(Chart.of("rejects-by-reason", bars("reason", List.of("rows"), "Rows"),
                            "Rejected rows are kept aside with their file and line and count in no figure."),
                    Chart.of("cost-unlinked", null, "Cost days for which the child had no 903 episode: they count"
                            + " as spend but in no kind of home."),
                    Chart.of("warnings-by-type", bars("warning", List.of("rows"), "Rows"),
                            "Warnings are reported and the rows still counted."),
                    Chart.of("benchmark-dfe-differences", null, "The LA's own count or rate against DfE's published"
                            + " figure for the same LA and year, where they differ by more than 5% of DfE's count and 5"
                            + " children, or 5% of DfE's rate and 1 per 10,000 (DfE rounds rates to whole numbers). A return"
                            + " missing children, or a wrong population, shows here; the Benchmarks page ranks such"
                            + " years on DfE's figure.")));

    static final Page FORECAST = new Page("/forecast", "Forecast", "Forecast: children looked after, spend and sufficiency",
            "Where the children the council looks after are projected to live over the next four years, what that"
                    + " would cost and how it compares with capacity, under the fitted rates (the base) and each saved"
                    + " scenario; and how accurate the forecast has been.", ForecastCharts.all());

    static final List<Page> ALL = List.of(KPIS, CHILDREN, BENCHMARKS, FOSTERING, COSTS, HARD_TO_FIND, CAPACITY,
            DATA_QUALITY, FORECAST);

    static Optional<Page> at(String path) {
        return ALL.stream().filter(p -> p.path.equals(path)).findFirst();
    }
}
