package uk.sufficiency.warehouse;

import java.util.Locale;
import java.util.Set;

/**
 * Guards the analyst's SQL prompt: one statement, and only one that reads. DuckDB can write files
 * (COPY, EXPORT) and attach databases, so anything that is not a query is refused before it runs.
 */
public final class ReadOnlySql {
    private static final Set<String> QUERY_KEYWORDS =
            Set.of("SELECT", "WITH", "FROM", "VALUES", "TABLE", "DESCRIBE", "SHOW", "SUMMARIZE", "EXPLAIN");
    private static final Set<String> FORBIDDEN_WORDS =
            Set.of("COPY", "EXPORT", "ATTACH", "INSTALL", "LOAD", "PRAGMA", "SET", "CALL", "CHECKPOINT");

    private ReadOnlySql() {
    }

    /** Returns the statement without a trailing semicolon, or throws naming why it was refused. */
    public static String check(String sql) {
        String trimmed = sql == null ? "" : sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("No SQL given.");
        }
        if (outsideQuotes(trimmed).contains(";")) {
            throw new IllegalArgumentException("Only one statement at a time is allowed.");
        }
        String first = trimmed.split("[\\s(]+", 2)[0].toUpperCase(Locale.ROOT);
        if (!QUERY_KEYWORDS.contains(first)) {
            throw new IllegalArgumentException("Only queries are allowed (SELECT, WITH, ...); refused: " + first);
        }
        for (String word : outsideQuotes(trimmed).toUpperCase(Locale.ROOT).split("[^A-Z_]+")) {
            if (FORBIDDEN_WORDS.contains(word)) {
                throw new IllegalArgumentException("Only queries are allowed; refused keyword: " + word);
            }
        }
        return trimmed;
    }

    /** The statement with the contents of string literals and quoted identifiers blanked out. */
    private static String outsideQuotes(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        char quote = 0;
        for (char c : sql.toCharArray()) {
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
                out.append(' ');
            } else if (quote != 0 && c == quote) {
                quote = 0;
                out.append(' ');
            } else {
                out.append(quote == 0 ? c : ' ');
            }
        }
        return out.toString();
    }
}
