package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import uk.sufficiency.warehouse.figures.FigureColumn;

/** The XLSX download read back with POI: real dates, numbers with their formats, text that cannot run or break. */
class XlsxFileTest {
    private static final List<FigureColumn> COLUMNS = List.of(FigureColumn.periodDate("month_end", "Month end"),
            FigureColumn.dimension("la_name", "LA"), FigureColumn.dimension("provider", "Provider"),
            FigureColumn.count("children", "Children"), FigureColumn.measure("spend", "Spend"),
            FigureColumn.measure("change", "Change"));

    private static Map<String, Object> row(Object... values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(COLUMNS.get(i).name(), values[i]);
        }
        return row;
    }

    private static Sheet read(byte[] workbook) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(workbook)).getSheetAt(0);
    }

    @Test
    void datesAreDatesAndNumbersKeepTheirValueAndDecimals() throws Exception {
        Sheet sheet = read(XlsxFile.of("Spend: Lancashire, 31 March 2022", COLUMNS, List.of(
                row("2022-03-31", "Lancashire", "PR1", 12345L, 18026166.6, -3.5),
                row("2022-04-30", "Lancashire", "PR4", 7L, 120000000.0, 2.25))));
        DataFormatter shown = new DataFormatter(java.util.Locale.UK);
        assertEquals("Spend: Lancashire, 31 March 2022", sheet.getRow(0).getCell(0).getStringCellValue());
        assertEquals(List.of("month_end", "la_name", "provider", "children", "spend", "change"),
                cells(sheet.getRow(1)).stream().map(Cell::getStringCellValue).toList());
        Row first = sheet.getRow(2);
        Cell date = first.getCell(0);
        assertEquals(CellType.NUMERIC, date.getCellType());
        assertTrue(DateUtil.isCellDateFormatted(date));
        assertEquals(LocalDateTime.of(2022, 3, 31, 0, 0), date.getLocalDateTimeCellValue());
        assertEquals("31 Mar 2022", shown.formatCellValue(date));
        // Counts with thousands separators and no decimals; spend 18,026,166.6 (1 decimal, the most
        // the column has); change -3.5 and 2.25, so the column shows 2 decimals, and stays a number.
        assertEquals(12345.0, first.getCell(3).getNumericCellValue());
        assertEquals("12,345", shown.formatCellValue(first.getCell(3)));
        assertEquals(18026166.6, first.getCell(4).getNumericCellValue());
        assertEquals("18,026,166.6", shown.formatCellValue(first.getCell(4)));
        assertEquals("120,000,000.0", shown.formatCellValue(sheet.getRow(3).getCell(4)));
        assertEquals(CellType.NUMERIC, first.getCell(5).getCellType());
        assertEquals(-3.5, first.getCell(5).getNumericCellValue());
        assertEquals("-3.50", shown.formatCellValue(first.getCell(5)));
        assertEquals(LocalDateTime.of(2022, 4, 30, 0, 0), sheet.getRow(3).getCell(0).getLocalDateTimeCellValue());
    }

    @Test
    void aCollectionYearHasNoThousandsSeparator() throws Exception {
        List<FigureColumn> columns = List.of(FigureColumn.periodYear("year", "Year"), FigureColumn.count("children", "Children"));
        Sheet sheet = read(XlsxFile.of("Children", columns, List.of(Map.of("year", 2022, "children", 1500L))));
        DataFormatter shown = new DataFormatter(java.util.Locale.UK);
        assertEquals("2022", shown.formatCellValue(sheet.getRow(2).getCell(0)));
        assertEquals("1,500", shown.formatCellValue(sheet.getRow(2).getCell(1)));
    }

    @Test
    void formulaLookingTextIsNeutralisedAndControlCharactersRemoved() throws Exception {
        Sheet sheet = read(XlsxFile.of("Spend: =HYPERLINK(\"http://example.org\")\u0007", COLUMNS, List.of(
                row("2022-03-31", "=HYPERLINK(\"http://example.org\",\"Click\")", "-1+2", "[c]", null, -3.5),
                row("2022-03-31", "@SUM(A1:A9)", "Bad\u0000id\u001F\u000B", 5L, 1.0, 1.0))));
        Row first = sheet.getRow(2);
        assertEquals("'=HYPERLINK(\"http://example.org\",\"Click\")", first.getCell(1).getStringCellValue());
        assertEquals(CellType.STRING, first.getCell(1).getCellType());
        assertEquals("'-1+2", first.getCell(2).getStringCellValue());
        assertEquals("[c]", first.getCell(3).getStringCellValue());
        assertEquals(null, first.getCell(4), "no value, no cell");
        assertEquals(CellType.NUMERIC, first.getCell(5).getCellType(), "a negative number stays a number");
        assertEquals("'@SUM(A1:A9)", sheet.getRow(3).getCell(1).getStringCellValue());
        assertEquals("Badid", sheet.getRow(3).getCell(2).getStringCellValue());
        assertEquals("Spend: =HYPERLINK(\"http://example.org\")", sheet.getRow(0).getCell(0).getStringCellValue());
    }

    private static List<Cell> cells(Row row) {
        List<Cell> out = new java.util.ArrayList<>();
        row.forEach(out::add);
        return out;
    }
}
