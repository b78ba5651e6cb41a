package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;
import java.util.Locale;

/** Date helpers for the files beside the returns: dd/mm/yyyy as the 903 files, financial years. */
final class Dates {
    private Dates() {
    }

    /** dd/mm/yyyy, the form the generator's 903 files use. */
    static String dmy(LocalDate date) {
        if (date == null) {
            return "";
        }
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        return (day < 10 ? "0" : "") + day + "/" + (month < 10 ? "0" : "") + month + "/" + date.getYear();
    }

    /** The financial (collection) year a date falls in: 2022 = 1 April 2021 to 31 March 2022. */
    static int financialYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() + 1 : date.getYear();
    }

    /** Quarter of the financial year, 1 = April-June. */
    static int quarter(LocalDate date) {
        return (date.getMonthValue() + 8) % 12 / 3 + 1;
    }

    /** The first 1 April strictly after the date. */
    static LocalDate nextApril(LocalDate date) {
        LocalDate april = LocalDate.of(date.getYear(), 4, 1);
        return april.isAfter(date) ? april : april.plusYears(1);
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Pounds to two decimals, as finance systems hold them. */
    static double pence(double pounds) {
        return Math.round(pounds * 100) / 100.0;
    }

    static String money(double pounds) {
        return String.format(Locale.ROOT, "%.2f", pounds);
    }
}
