package uk.sufficiency.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The strategy's cost story in one sentence: agency fostering's annualised cost, placements and fee, first to last. */
final class CostSummary {
    private CostSummary() {
    }

    static String agencyFostering(List<Map<String, Object>> rows) {
        List<Map<String, Object>> ifa = rows.stream().filter(r -> "foster_ifa".equals(r.get("category"))).toList();
        if (ifa.isEmpty()) {
            return null;
        }
        Map<String, Object> first = ifa.get(0);
        Map<String, Object> last = ifa.get(ifa.size() - 1);
        return "Agency fostering (IFA): annualised cost %s → %s as placements went %s → %s; average weekly fee %s → %s (%s to %s)."
                .formatted(millions(first.get("annualised_cost")), millions(last.get("annualised_cost")),
                        first.get("placements"), last.get("placements"), pounds(first.get("avg_weekly_cost")),
                        pounds(last.get("avg_weekly_cost")), ChartPanel.period(first.get("month_end").toString()),
                        ChartPanel.period(last.get("month_end").toString()));
    }

    /** £18.4m as the strategy writes it; under a million in whole pounds. */
    private static String millions(Object value) {
        if (!(value instanceof Number n)) {
            return String.valueOf(value);
        }
        return n.doubleValue() >= 1e6 ? String.format(Locale.UK, "£%.1fm", n.doubleValue() / 1e6)
                : String.format(Locale.UK, "£%,.0f", n.doubleValue());
    }

    private static String pounds(Object value) {
        return value instanceof Number n ? String.format(Locale.UK, "£%,.0f", n.doubleValue()) : String.valueOf(value);
    }
}
