package uk.sufficiency.pipeline.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.sufficiency.pipeline.staging.Xml903Parser.Xml903Record;

class Xml903ParserTest {
    @Test
    void readsTheDfeFormWithMixedCaseAndRenamedFields() throws Exception {
        String xml = """
                <?xml version="1.0"?>
                <Children>
                  <Child>
                    <Header><CHILDID>42</CHILDID><SEX>2</SEX><DOB>29/02/2008</DOB><AREVIEW><REVIEW>01/01/2020</REVIEW></AREVIEW></Header>
                    <Episode><DECOM>01/04/2021</DECOM><LS>c2</LS><PL>U4</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC/></Episode>
                    <Episode><DECOM>05/05/2021</DECOM><PL>K2</PL></Episode>
                  </Child>
                </Children>
                """;
        List<Xml903Record> records = Xml903Parser.parse(xml);
        assertEquals(3, records.size());
        assertEquals(SourceTable.HEADER, records.get(0).table());
        assertEquals("42", records.get(0).fields().get("CHILD"));
        assertEquals("29/02/2008", records.get(0).fields().get("DOB"));
        // A nested review element is not a Header field.
        assertNull(records.get(0).fields().get("REVIEW"));
        Xml903Record first = records.get(1);
        assertEquals(SourceTable.EPISODES, first.table());
        assertEquals(List.of("42", "01/04/2021", "c2", "U4"), List.of(first.fields().get("CHILD"),
                first.fields().get("DECOM"), first.fields().get("LS"), first.fields().get("PLACE")));
        assertNull(first.fields().get("DEC"));
        assertEquals(5, first.line());
        assertEquals(6, records.get(2).line());
    }

    @Test
    void readsTheUpperCaseExportWithTheIdAfterTheEpisodes() throws Exception {
        String xml = "<EXPSSDA903><CHILD><EPISODE><DECOM>2020-01-01</DECOM></EPISODE>"
                + "<HEADER><CHILDID>7</CHILDID></HEADER></CHILD><CHILD><HEADER><CHILDID>8</CHILDID></HEADER></CHILD></EXPSSDA903>";
        List<Xml903Record> records = Xml903Parser.parse(xml);
        assertEquals(List.of("7", "7", "8"), records.stream().map(r -> r.fields().get("CHILD")).toList());
    }
}
