package uk.sufficiency.warehouse;

/** RFC 4180 quoting for the CSV the warehouse hands out. */
public final class Csv {
    private Csv() {
    }

    public static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
