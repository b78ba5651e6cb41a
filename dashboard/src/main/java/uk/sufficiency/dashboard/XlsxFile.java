package uk.sufficiency.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Query rows as a one-sheet Excel workbook (Office Open XML): numbers as numbers, everything else
 * (dates, codes, the [c] marker) as text, a header row, and the chart's title in the first row so
 * the sheet says what it counts once it is separated from the page. Written directly because the
 * format needs only five small XML parts.
 */
final class XlsxFile {
    private XlsxFile() {
    }

    static byte[] of(String title, List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        row(sheet, 1, List.of(title));
        row(sheet, 2, columns);
        int r = 3;
        for (Map<String, Object> row : rows) {
            row(sheet, r++, columns.stream().map(row::get).toList());
        }
        sheet.append("</sheetData></worksheet>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            part(zip, "_rels/.rels", relationship("officeDocument", "xl/workbook.xml"));
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="Figures" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            part(zip, "xl/_rels/workbook.xml.rels", relationship("worksheet", "worksheets/sheet1.xml"));
            part(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A relationships part with its one relationship, of an Office Open XML type, to a target part. */
    private static String relationship(String type, String target) {
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" \
                Target="%s"/></Relationships>""".formatted(type, target);
    }

    private static void row(StringBuilder sheet, int number, List<?> cells) {
        sheet.append("<row r=\"").append(number).append("\">");
        for (Object cell : cells) {
            if (cell instanceof Number n) {
                sheet.append("<c><v>").append(n).append("</v></c>");
            } else if (cell != null) {
                sheet.append("<c t=\"inlineStr\"><is><t>").append(DashboardPage.escape(cell.toString())).append("</t></is></c>");
            } else {
                sheet.append("<c/>");
            }
        }
        sheet.append("</row>");
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
