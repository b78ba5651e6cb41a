package uk.sufficiency.pipeline.staging;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the 903 XML return ({@code <Children>} or {@code <EXPSSDA903>} holding {@code <Child>}
 * elements with {@code <Header>} and {@code <Episode>} children, any letter case) into the same
 * field names as the CSV tables. The XML names the child {@code CHILDID} and the placement
 * {@code PL}; both are renamed. Elements nested deeper (reviews, OC2) are skipped.
 */
public final class Xml903Parser {
    /** One Header or Episode element: its table, the line it starts on, and its fields. */
    public record Xml903Record(SourceTable table, int line, Map<String, String> fields) {
    }

    private static final Map<String, String> RENAMED = Map.of("CHILDID", "CHILD", "PL", "PLACE");

    private Xml903Parser() {
    }

    public static List<Xml903Record> parse(String xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
        List<Xml903Record> out = new ArrayList<>();
        List<Xml903Record> childRecords = new ArrayList<>();
        String childId = null;
        Map<String, String> fields = null;
        SourceTable table = null;
        int line = 0;
        int depth = 0;
        int recordDepth = -1;
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                depth++;
                String name = reader.getLocalName().toUpperCase(Locale.ROOT);
                text.setLength(0);
                if (name.equals("CHILD") && depth == 2) {
                    childRecords.clear();
                    childId = null;
                } else if ((name.equals("HEADER") || name.equals("EPISODE")) && depth == 3) {
                    table = name.equals("HEADER") ? SourceTable.HEADER : SourceTable.EPISODES;
                    fields = new HashMap<>();
                    line = reader.getLocation().getLineNumber();
                    recordDepth = depth;
                }
            } else if (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamReader.END_ELEMENT) {
                String name = reader.getLocalName().toUpperCase(Locale.ROOT);
                if (fields != null && depth == recordDepth + 1) {
                    String field = RENAMED.getOrDefault(name, name);
                    String value = text.toString().strip();
                    fields.put(field, value.isEmpty() ? null : value);
                    if (field.equals("CHILD") && value.length() > 0) {
                        childId = value;
                    }
                } else if (fields != null && depth == recordDepth) {
                    childRecords.add(new Xml903Record(table, line, fields));
                    fields = null;
                } else if (depth == 2 && name.equals("CHILD")) {
                    for (Xml903Record record : childRecords) {
                        record.fields().putIfAbsent("CHILD", childId);
                        out.add(record);
                    }
                    childRecords.clear();
                }
                text.setLength(0);
                depth--;
            }
        }
        return out;
    }
}
