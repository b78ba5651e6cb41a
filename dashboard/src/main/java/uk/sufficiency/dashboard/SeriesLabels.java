package uk.sufficiency.dashboard;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.Suppression;
import uk.sufficiency.warehouse.forecast.PlacementGroup;
import uk.sufficiency.warehouse.forecast.Scenario;

/**
 * Readers' names (and colours, where the seed's charts fix them) for the codes a chart's series
 * column holds, in the order series are stacked and listed. A code not listed is shown as it is.
 */
final class SeriesLabels {
    private static final Map<String, List<String[]>> BY_COLUMN = Map.ofEntries(Map.entry(
            "age_band", List.of(new String[] {"Under 1", "Under 1", "#0b6e4f"}, new String[] {"1 to 4", "1 to 4", "#1d70b8"},
                    new String[] {"5 to 9", "5 to 9", "#f47738"}, new String[] {"10 to 15", "10 to 15", "#912b88"},
                    new String[] {"16 and over", "16 and over", "#505a5f"}, new String[] {"Unknown", "Age not known", "#b1b4b6"})),
            Map.entry("sex", List.of(new String[] {"female", "Female", "#912b88"}, new String[] {"male", "Male", "#1d70b8"},
                    new String[] {"unknown", "Not recorded", "#b1b4b6"})),
            Map.entry("reason_group", List.of(new String[] {"returned_home", "Returned home", "#1d70b8"},
                    new String[] {"special_guardianship_order", "Special guardianship order", "#0b6e4f"},
                    new String[] {"child_arrangement_order", "Child arrangement order", "#28a197"},
                    new String[] {"adopted", "Adopted", "#f499be"},
                    new String[] {"independent_living", "Independent living", "#f47738"},
                    new String[] {"other", "Other reason", "#505a5f"})),
            Map.entry("age_group", List.of(new String[] {"0-5", "Aged 0 to 5", "#0b6e4f"}, new String[] {"6-10", "Aged 6 to 10", "#1d70b8"},
                    new String[] {"11+", "Aged 11 and over", "#f47738"}, new String[] {"Unknown", "Age not known", "#b1b4b6"},
                    new String[] {"All", "All ages", "#0b0c0c"})),
            Map.entry("legal_status", List.of(new String[] {"C1", "Interim care order", "#f47738"},
                    new String[] {"C2", "Full care order", "#1d70b8"}, new String[] {"D1", "Freeing order", "#6f72af"},
                    new String[] {"E1", "Placement order", "#f499be"}, new String[] {"V2", "Section 20", "#0b6e4f"},
                    new String[] {"L1", "Police protection", "#d4351c"}, new String[] {"L2", "Emergency protection order", "#912b88"},
                    new String[] {"L3", "Child assessment order", "#b58840"},
                    new String[] {"J1", "Remanded to LA accommodation", "#505a5f"},
                    new String[] {"J2", "PACE transfer", "#85994b"}, new String[] {"J3", "Youth rehabilitation order", "#28a197"})),
            Map.entry("contract", List.of(new String[] {"in_house", "In-house", "#1d70b8"},
                    new String[] {"framework", "Framework", "#f47738"}, new String[] {"spot", "Spot purchase", "#d4351c"},
                    new String[] {"block", "Block contract", "#912b88"})),
            Map.entry("urgency", List.of(new String[] {"same_day", "Same day", "#d4351c"},
                    new String[] {"within_5_days", "Within 5 days", "#f47738"}, new String[] {"planned", "Planned", "#1d70b8"},
                    new String[] {"not_recorded", "Not recorded", "#b1b4b6"})),
            Map.entry("sector", List.of(new String[] {"in_house", "In-house", "#1d70b8"},
                    new String[] {"agency", "Agency", "#d4351c"})),
            Map.entry("request_type", List.of(new String[] {"task_centred_foster", "Task-centred fostering", "#1d70b8"},
                    new String[] {"permanent_foster", "Permanent fostering", "#003078"},
                    new String[] {"respite_foster", "Respite fostering", "#5694ca"},
                    new String[] {"parent_child_foster", "Parent and child fostering", "#28a197"},
                    new String[] {"step_down_foster", "Step down into fostering", "#0b6e4f"},
                    new String[] {"childrens_home", "Children's home", "#f47738"},
                    new String[] {"supported_accommodation", "Supported accommodation", "#85994b"},
                    new String[] {"secure", "Secure", "#0b0c0c"}, new String[] {"other", "Other", "#b1b4b6"})),
            Map.entry("request_group", List.of(new String[] {"fostering", "Fostering", "#1d70b8"},
                    new String[] {"childrens_home", "Children's homes", "#f47738"},
                    new String[] {"supported_accommodation", "Supported accommodation", "#85994b"},
                    new String[] {"secure", "Secure", "#0b0c0c"}, new String[] {"other", "Other", "#505a5f"})),
            Map.entry("outcome", List.of(new String[] {"placed", "Placed", "#00703c"},
                    new String[] {"withdrawn", "Withdrawn", "#505a5f"}, new String[] {"open", "Still open", "#f47738"})),
            Map.entry("provision", List.of(new String[] {"inhouse_foster_places", "In-house foster places", "#1d70b8"},
                    new String[] {"inhouse_home_beds", "In-house children's home beds", "#d4351c"},
                    new String[] {"block_home_beds", "Block children's home beds", "#f47738"},
                    new String[] {"block_supported_beds", "Block supported accommodation beds", "#85994b"})),
            // The needs a placement request names (the placement_requests_needs view), as the seed's analysis words them.
            Map.entry("need", List.of(new String[] {"emotional", "Emotional wellbeing", "#1d70b8"},
                    new String[] {"mental_health", "Mental health", "#1d70b8"},
                    new String[] {"self_harm", "Self-harm", "#1d70b8"},
                    new String[] {"suicide", "Suicidal ideation", "#1d70b8"},
                    new String[] {"aggression", "Aggression", "#1d70b8"},
                    new String[] {"missing", "Missing from home", "#1d70b8"},
                    new String[] {"criminal", "Criminal behaviour or exploitation", "#1d70b8"},
                    new String[] {"send", "Special educational needs and disabilities (SEND)", "#1d70b8"},
                    new String[] {"substance", "Substance misuse", "#1d70b8"},
                    new String[] {"cse", "Child sexual exploitation (CSE)", "#1d70b8"},
                    new String[] {"dols", "Deprivation of liberty (DoLS)", "#1d70b8"})),
            Map.entry("scenario", List.<String[]>of(new String[] {Scenario.BASE_NAME, "Base (fitted rates)", "#0b0c0c"})));

    private SeriesLabels() {
    }

    /**
     * code -> {label, colour}, in order, for app.js; placement categories from {@link PlacementCategory},
     * forecast groups from {@link PlacementGroup}.
     */
    static Map<String, Map<String, String>> forColumn(String column) {
        Map<String, Map<String, String>> out = codes(column);
        // A stacked bar's hidden cells, drawn together last in neutral grey so its total stays true.
        out.put(Suppression.REMAINDER, Map.of("label", SUPPRESSED_LABEL, "colour", SUPPRESSED_COLOUR));
        return out;
    }

    /** What the {@value Suppression#REMAINDER} segment and table column are called. */
    static final String SUPPRESSED_LABEL = "Suppressed (small numbers and the cells hidden to protect them)";
    static final String SUPPRESSED_COLOUR = "#8c8c8c";

    /** code -> {label, colour} for categories along x: the remainder is only ever a series. */
    static Map<String, Map<String, String>> codes(String column) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (column.equals("category")) {
            for (PlacementCategory c : PlacementCategory.values()) {
                out.put(c.code(), Map.of("label", c.label(), "colour", c.colour()));
            }
            return out;
        }
        if (column.equals("placement_group")) {
            // The forecast's groups each take the colour of the placement category of the same code.
            for (PlacementGroup g : PlacementGroup.values()) {
                String colour = Arrays.stream(PlacementCategory.values()).filter(c -> c.code().equals(g.id()))
                        .map(PlacementCategory::colour).findFirst().orElse("#b1b4b6");
                out.put(g.id(), Map.of("label", g.label(), "colour", colour));
            }
            out.put("all", Map.of("label", "All placements", "colour", "#0b0c0c"));
            return out;
        }
        for (String[] entry : BY_COLUMN.getOrDefault(column, List.of())) {
            out.put(entry[0], Map.of("label", entry[1], "colour", entry[2]));
        }
        return out;
    }

    /** The reader's name for one code of a series column. */
    static String label(String column, Object code) {
        if (code == null) {
            return "Not recorded";
        }
        Map<String, String> entry = forColumn(column).get(code.toString());
        return entry == null ? code.toString() : entry.get("label");
    }

    /** The codes present, in the listed order, with any others after them in the order met. */
    static List<String> inOrder(String column, List<String> present) {
        List<String> ordered = new java.util.ArrayList<>(forColumn(column).keySet());
        ordered.retainAll(present);
        present.stream().distinct().filter(code -> !ordered.contains(code)).forEach(ordered::add);
        return ordered;
    }
}
