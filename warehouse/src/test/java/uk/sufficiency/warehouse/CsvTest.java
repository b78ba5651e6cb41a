package uk.sufficiency.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The cells of every CSV download: plain decimals, and text that cannot be taken for a formula. */
class CsvTest {
    @Test
    void numbersArePlainDecimalsNeverENotation() {
        // Double.toString(18026166.6) is "1.80261666E7": the spend figure.
        assertEquals("1.80261666E7", Double.toString(18026166.6));
        assertEquals("18026166.6", Csv.cell(18026166.6));
        assertEquals("120000000", Csv.cell(1.2e8));
        assertEquals("10000000000", Csv.cell(1.0e10));
        assertEquals("0.0001", Csv.cell(0.0001));
        assertEquals("35.0", Csv.cell(35.0), "a double Java writes plainly is written as Java writes it");
        assertEquals("3.3", Csv.cell(3.3f));
        assertEquals("1200", Csv.cell(new BigDecimal("1.2E+3")));
        assertEquals("18026166.60", Csv.cell(new BigDecimal("18026166.60")));
        assertEquals("123456789012", Csv.cell(123456789012L));
        assertEquals("NaN", Csv.cell(Double.NaN));
        assertEquals("", Csv.cell(null));
    }

    @Test
    void negativeNumbersStayNumbers() {
        assertEquals("-3.5", Csv.cell(-3.5));
        assertEquals("-2", Csv.cell(-2L));
        assertEquals("-12500000", Csv.cell(-1.25e7));
    }

    @Test
    void textThatLooksLikeAFormulaStartsWithAQuote() {
        assertEquals("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"Click\"\")\"",
                Csv.cell("=HYPERLINK(\"http://example.org\",\"Click\")"));
        assertEquals("'-1+2", Csv.cell("-1+2"), "a provider id from an input file");
        assertEquals("'+44 1234", Csv.cell("+44 1234"));
        assertEquals("'@SUM(A1:A9)", Csv.cell("@SUM(A1:A9)"));
        assertEquals("'\t=1+1", Csv.cell("\t=1+1"));
        assertEquals("\"'\r=1+1\"", Csv.cell("\r=1+1"), "quoted too: it holds a carriage return");
        assertEquals("'-5", Csv.cell("-5"), "text, even when it reads as a number, is text");
    }

    @Test
    void otherTextIsAsItWas() {
        assertEquals("Lancashire", Csv.cell("Lancashire"));
        assertEquals("[c]", Csv.cell("[c]"));
        assertEquals("2022-03-31", Csv.cell("2022-03-31"));
        assertEquals("\"Bath and North East Somerset, the\"", Csv.cell("Bath and North East Somerset, the"));
        assertEquals("a=b", Csv.cell("a=b"), "only the first character matters");
        assertEquals("", Csv.cell(""));
    }
}
