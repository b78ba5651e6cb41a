package uk.sufficiency.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.sufficiency.warehouse.Csv;
import uk.sufficiency.warehouse.figures.FigureColumn;

/**
 * Query rows as a one-sheet Excel workbook, written with Apache POI: the chart's title in the first
 * row (so the sheet says what it counts once separated from the page), the column names, then the
 * rows. Numbers are numbers with a format showing as many decimals as the column's values have
 * (a collection year without a thousands separator); ISO dates are real dates; text (codes, names,
 * the [c] marker) is neutralised like the CSV's ({@link Csv#neutralised}) and stripped of the
 * characters XML cannot hold, so no value from an input file can run or break the workbook.
 */
final class XlsxFile {
    private static final int MAX_DECIMALS = 6;

    private XlsxFile() {
    }

    static byte[] of(String title, List<FigureColumn> columns, List<Map<String, Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Figures");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = style(book, "d mmm yyyy");
            text(sheet.createRow(0).createCell(0), title).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int c = 0; c < columns.size(); c++) {
                text(header.createCell(c), columns.get(c).name()).setCellStyle(bold);
            }
            CellStyle[] numbers = new CellStyle[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                numbers[c] = style(book, numberFormat(columns.get(c), rows));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row line = sheet.createRow(r + 2);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = rows.get(r).get(columns.get(c).name());
                    if (value == null) {
                        continue;
                    }
                    Cell cell = line.createCell(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(numbers[c]);
                    } else if (isoDate(value)) {
                        cell.setCellValue(LocalDate.parse(value.toString()));
                        cell.setCellStyle(date);
                    } else {
                        text(cell, value.toString());
                    }
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, 256 * Math.max(12, Math.min(40, columns.get(c).name().length() + 2)));
            }
            sheet.createFreezePane(0, 2);
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle style(XSSFWorkbook book, String format) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat(book.createDataFormat().getFormat(format));
        return style;
    }

    /** A year as 2021; other numbers with thousands separators and the most decimals any of the column's values has. */
    static String numberFormat(FigureColumn column, List<Map<String, Object>> rows) {
        if (column.role() == FigureColumn.Role.PERIOD_YEAR) {
            return "0";
        }
        int decimals = 0;
        for (Map<String, Object> row : rows) {
            if (row.get(column.name()) instanceof Number n) {
                decimals = Math.max(decimals, new BigDecimal(Csv.plain(n)).stripTrailingZeros().scale());
            }
        }
        decimals = Math.min(decimals, MAX_DECIMALS);
        return decimals <= 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    }

    private static boolean isoDate(Object value) {
        return value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private static Cell text(Cell cell, String value) {
        cell.setCellValue(xmlSafe(Csv.neutralised(value)));
        return cell;
    }

    /** The text without the characters XML 1.0 cannot carry (control characters other than tab and line breaks, lone surrogates). */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
