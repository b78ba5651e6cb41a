package uk.sufficiency.dashboard;

import java.util.List;

/**
 * A captioned table of plain text, rendered by table.jte (escaped there): the first cell of each row
 * is that row's header.
 */
record Table(String caption, List<String> headings, List<List<String>> rows) {
}
