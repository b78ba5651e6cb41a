package uk.sufficiency.warehouse.figures;

import static uk.sufficiency.warehouse.figures.FigureColumn.count;
import static uk.sufficiency.warehouse.figures.FigureColumn.derived;
import static uk.sufficiency.warehouse.figures.FigureColumn.dimension;
import static uk.sufficiency.warehouse.figures.FigureColumn.periodDate;
import static uk.sufficiency.warehouse.figures.FigureColumn.periodYear;

import java.util.ArrayList;
import java.util.List;

/**
 * Placement requests (inputs.md §3) as commissioners read them: requests and the share hard to
 * find by type, quarter and age; who the hard-to-find searches are for; how they end. Counted in the
 * financial year (and quarter) of RECEIVED.
 */
final class RequestFigures {
    private RequestFigures() {
    }

    /** Requests by a breakdown, with those hard to find and their share: most request figures' shape. */
    private static Figure byRequests(String id, String title, List<FigureColumn> breakdown, String orderBy) {
        List<FigureColumn> columns = new ArrayList<>(breakdown);
        columns.addAll(List.of(count("requests", "Requests"), count("hard_to_find", "Hard to find"),
                derived("hard_to_find_share", "% hard to find", "requests", "hard_to_find")));
        return new Figure(id, title, FigureQueries.of(id), columns, orderBy);
    }

    static List<Figure> all() {
        return List.of(
                byRequests("requests-by-type", "Placement requests received and the share hard to find, by type",
                        List.of(periodYear("year", "Year to 31 March"),
                                dimension("request_type", "Type of request").withRemainder()), null),
                byRequests("requests-quarter", "Placement requests and the share hard to find, each quarter",
                        List.of(periodDate("quarter_end", "Quarter end"), dimension("request_group", "Kind of home")),
                        null),
                byRequests("requests-age-band", "Placement requests and those hard to find, by age at request",
                        List.of(periodYear("year", "Year to 31 March"),
                                dimension("age_band", "Age band").withRemainder()),
                        "year, " + FigureCatalogue.AGE_BAND_ORDER),
                byRequests("requests-profile", "Placement requests and those hard to find, by sibling group and urgency",
                        List.of(periodYear("year", "Year to 31 March"), dimension("request_group", "Kind of home"),
                                dimension("siblings", "Placed with siblings"), dimension("urgency", "Urgency")), null),
                new Figure("hard-to-find-foster-profile", "Hard-to-find foster searches: who they were for and how they ended",
                        FigureQueries.of("hard-to-find-foster-profile"),
                        List.of(periodYear("year", "Year to 31 March"), count("hard_to_find", "Hard-to-find foster searches"),
                                count("aged_11_plus", "Aged 11 and over"),
                                derived("aged_11_plus_share", "% aged 11 and over", "hard_to_find", "aged_11_plus"),
                                count("sibling_group", "In a sibling group"),
                                derived("sibling_group_share", "% in a sibling group", "hard_to_find", "sibling_group"),
                                count("same_day", "Same-day requests"),
                                derived("same_day_share", "% same day", "hard_to_find", "same_day"),
                                count("ended_in_home", "Ended in a children's home"),
                                derived("ended_in_home_share", "% ended in a children's home", "hard_to_find",
                                        "ended_in_home"))),
                new Figure("requests-needs", "Needs named in hard-to-find referrals", FigureQueries.of("requests-needs"),
                        List.of(periodYear("year", "Year to 31 March"), dimension("request_group", "Kind of home"),
                                // a referral may name several needs: they add up to nothing
                                dimension("need", "Need or risk").alternatives(),
                                count("hard_to_find_requests", "Hard-to-find referrals"),
                                count("naming_need", "Naming it"),
                                derived("share", "% naming it", "hard_to_find_requests", "naming_need")),
                        "year, request_group, need_order"),
                new Figure("step-down-started", "Step-down into fostering placements started in the year", FigureQueries.of("step-down-started"),
                        List.of(periodYear("year", "Year to 31 March"), count("placements", "Step-downs started"))),
                new Figure("requests-outcomes", "Placement requests by outcome", FigureQueries.of("requests-outcomes"),
                        List.of(periodYear("year", "Year to 31 March"), dimension("request_group", "Kind of home"),
                                dimension("outcome", "Outcome"), count("requests", "Requests"),
                                derived("median_days_to_outcome", "Median days to outcome", "requests"))));
    }
}
