package uk.sufficiency.warehouse;

import java.math.BigDecimal;

/**
 * RFC 4180 quoting for the CSV the warehouse hands out, and the cells of downloads: numbers as
 * plain decimals, text a spreadsheet could take for a formula neutralised (see {@link #cell}).
 */
public final class Csv {
    private Csv() {
    }

    public static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** One cell of a download: empty for null, a number as a plain decimal, text neutralised and quoted. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return plain(number);
        }
        return quote(neutralised(value.toString()));
    }

    /**
     * A number as a plain decimal (18026166.6, never 1.80261666E7), so every spreadsheet and script
     * reads the same value; a double keeps the digits Java gives it.
     */
    public static String plain(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        String text = number.toString();
        boolean finite = Double.isFinite(number.doubleValue());
        // Java writes doubles of 10^7 and more, or under 10^-3, in E-notation; the rest as they are.
        return finite && text.indexOf('E') >= 0 ? new BigDecimal(text).stripTrailingZeros().toPlainString() : text;
    }

    /**
     * Text that a spreadsheet would read as a formula (it starts with =, +, -, @, a tab or a carriage
     * return: OWASP's CSV-injection rule) with a single quote before it, so an LA name or provider id
     * from an input file shows as the text it is and cannot run. Numbers are written as numbers, not
     * through here, so a negative number stays a number.
     */
    public static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
