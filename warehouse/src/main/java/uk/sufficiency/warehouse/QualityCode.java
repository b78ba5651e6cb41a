package uk.sufficiency.warehouse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every reject reason and warning a run can report, each with what it means and what to do, in
 * one line each: the run summary and the Data quality page both read them from here. The code is
 * the value stored in {@code rejected_episodes.reason}, {@code rejected_rows.reason} and
 * {@code data_quality.warning}.
 */
public enum QualityCode {
    // Rejects: the row is kept aside with its file and line and counts in no figure.
    BAD_ROW("the line has more fields than its header (often an unquoted comma inside a value), so its values were misread",
            "quote the value holding the comma (or remove the comma) in the source system's export and run again"),
    SHORT_ROW("the line has fewer fields than its header and lacks a key value, or the file ends in the middle of it: "
            + "the file may have been cut off",
            "copy or export the file again in full and run again"),
    MISSING_KEY("a key value is blank (CHILD, DECOM or LA for an episode; the source's identifying columns elsewhere)",
            "fill the blank value in the source system, or give --la for files without an LA column"),
    BAD_ID("the CHILD id holds a control character (such as a NUL byte or a tab), which no real id has",
            "check the export's encoding and the id in the source system; export again"),
    BAD_DATE("a date is not a real date in dd/mm/yyyy (or yyyy-mm-dd) form, e.g. 31/02/2021",
            "correct the date in the source system and export again"),
    FUTURE_DATE("a date (DECOM or DEC) is after the day of the run: it cannot have happened yet",
            "correct the date in the source system (often a mistyped year) and export again"),
    DEC_BEFORE_DECOM("the episode ends (DEC) before it starts (DECOM)",
            "correct DECOM or DEC in the source system"),
    BAD_CODE("a code is not one the return allows (PLACE or LS for episodes; the listed codes for other inputs)",
            "correct the code in the source system; the allowed codes are in docs/counting-rules.md"),
    BAD_PERIOD("an end date is before its start date", "correct the dates in the source system"),
    BAD_COST("the weekly cost is not an amount of pounds", "write the cost as a number such as 1250.00 or £1,250"),
    NEGATIVE_COST("the weekly cost is below zero", "correct the cost; a refund belongs in the finance system, not here"),
    BAD_NUMBER("a number is missing, negative, fractional or not a number", "correct the number in the file"),
    UNKNOWN_CHILD("the child has no episode and no Header row in the 903 for this LA",
            "check the CHILD id matches the 903's, or add the child's 903 return"),
    OVERLAP("two cost lines of one child cover the same day, so both are left out rather than counted twice",
            "end one line the day before the other starts"),
    DUPLICATE_REQUEST("two rows of one LA share a REQUEST_ID, so all of them are left out",
            "keep one row per request in the referrals export"),

    // Warnings: the row still counts.
    MISSING_PROVIDER("the episode has no PLACE_PROVIDER", "fill PLACE_PROVIDER in the source system"),
    UNKNOWN_PROVIDER("PLACE_PROVIDER is not one of PR0 to PR5", "correct PLACE_PROVIDER in the source system"),
    REC_WITHOUT_DEC("the episode has a reason for ending (REC) but no end date (DEC)",
            "fill DEC, or remove REC if the episode is still open"),
    UNKNOWN_CIN("the category of need (CIN) is blank or not N1 to N9", "correct CIN in the source system"),
    UNKNOWN_RNE("the reason for a new episode (RNE) is blank or not one of S, P, L, T, B, U",
            "correct RNE in the source system"),
    MISSING_POSTCODE("HOME_POST or PL_POST is blank, so distances cannot be worked out",
            "fill the postcodes in the source system"),
    NO_HEADER("the child has episodes but no Header row, so sex and age are unknown",
            "add the child's Header row (the header file of the same return)"),
    DECOM_AFTER_RETURN_YEAR("an episode starts after 31 March of the return year its file is dated by; when many rows do, "
            + "the file is usually named by the year its return starts (2017 for 2017-18)",
            "rename the file by the year its return ends (2018-episodes.csv or 2017-18-episodes.csv), or add a YEAR "
            + "column, and run again"),
    BAD_YEAR("the YEAR value is not a year, so the row was dated from its file's name or data",
            "write YEAR as 2022 or 2021-22"),
    CLOSED_AT_NEXT("an open or overlapping episode was closed the day the child's next episode starts (repair)",
            "nothing, unless the chain is wrong in the source system"),
    CLOSED_AT_YEAR_END("an episode left open in an older return, with no later episode, was closed at 31 March of that "
            + "year (repair)", "check whether the child is still looked after and is missing from the newer returns"),
    UNKNOWN_SEX("the Header's SEX is not 1/M or 2/F", "correct SEX in the source system"),
    MISSING_OR_BAD_DOB("the Header's DOB is blank or not a date, so the child's age is unknown",
            "correct DOB in the source system"),
    HEADER_BAD_ROW("a Header line has more fields than its header, so it was left out",
            "quote the value holding the comma in the export and run again"),
    HEADER_MISSING_CHILD("a Header line has no CHILD, so it was left out", "fill CHILD in the source system"),
    HEADER_MISSING_LA("a Header line has no LA and the run has no --la, so it was left out",
            "give --la, or fill the LA column"),
    SHORT_LINE("a line has fewer fields than its header; its missing fields were read as blank. The file may be "
            + "incomplete", "check the file is complete (compare with the source system) and export again if not"),
    EMPTY_EPISODES_FILE("an episodes file holds its header and no rows: an empty or interrupted export",
            "export the return's episodes again; if the LA really had none that year, remove the file"),
    MISSING_OUTCOME_DATE("a request was placed or withdrawn without an OUTCOME_DATE", "fill OUTCOME_DATE"),
    OUTCOME_DATE_WHILE_OPEN("a request still open has an OUTCOME_DATE", "fill OUTCOME, or clear OUTCOME_DATE"),
    PLACED_WITHOUT_HOME("a request was placed without PLACED_PLACE", "fill PLACED_PLACE with the 903 placement code"),
    UNKNOWN_PLACED_PLACE("PLACED_PLACE is not a 903 placement code", "use the 903 PLACE code"),
    UNKNOWN_PLACED_PROVIDER("PLACED_PROVIDER is not a 903 provider code (PR0-PR5)", "use the 903 PLACE_PROVIDER code"),
    DUPLICATE_CAPACITY("two capacity rows give the same LA, date and provision; the later file's counts",
            "keep one row per date and provision"),
    OCCUPIED_PRIORITY_MISMATCH("OCCUPIED_HIGH, _MEDIUM and _LOW do not add up to OCCUPIED",
            "correct the occupied counts"),
    OCCUPIED_OVER_CAPACITY("more places are occupied than exist", "correct OCCUPIED or CAPACITY"),
    COST_DAYS_OUTSIDE_WINDOW("cost days fall outside the LA's 903 data window, so they are left out of spend",
            "add the 903 returns for those years, or trim the cost lines"),
    COST_UNLINKED_DAYS("cost days on which the child had no 903 episode: counted as spend, in no kind of home",
            "check the cost lines' dates against the child's episodes"),
    MISSING_AREA("a reference row names no area", "fill the area name or code"),
    UNKNOWN_AREA_TYPE("a benchmark row's AREA_TYPE is not england, region or la", "correct AREA_TYPE"),
    UNKNOWN_MEASURE("a benchmark row's MEASURE is not one the product reads", "correct MEASURE (see docs/inputs.md)"),
    MISSING_VALUE("a reference row has no value", "fill the value, or remove the row"),
    BAD_TARGET("a KPI target row cannot be used (unknown KPI, dates out of order or a bad value)",
            "correct the row in the targets file"),
    BAD_RANK("a statistical neighbour's rank is missing or below 1", "correct the rank");

    private final String meaning;
    private final String whatToDo;

    QualityCode(String meaning, String whatToDo) {
        this.meaning = meaning;
        this.whatToDo = whatToDo;
    }

    /** The code as stored, e.g. {@code decom_after_return_year}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String meaning() {
        return meaning;
    }

    public String whatToDo() {
        return whatToDo;
    }

    public static Optional<QualityCode> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }

    /** One line for a summary: "meaning. What to do: …". */
    public static String explain(String code) {
        return of(code).map(c -> capitalise(c.meaning) + ". What to do: " + c.whatToDo + ".")
                .orElse("(no description)");
    }

    /**
     * A SQL expression giving, for the code in {@code column}, its meaning ({@code whatToDo} false)
     * or what to do: the Data quality figures show both beside each count.
     */
    public static String sqlCase(String column, boolean whatToDo) {
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (QualityCode c : values()) {
            sql.append(" WHEN '").append(c.code()).append("' THEN '")
                    .append((whatToDo ? c.whatToDo : c.meaning).replace("'", "''")).append('\'');
        }
        return sql.append(" END").toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
