package uk.sufficiency.warehouse.figures;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.sufficiency.warehouse.SqlFiles;

/**
 * The figures' queries: one file each in resources/figures, named by the figure's id. A family of
 * figures that differ by one code shares a file whose {@code ${name}} placeholders the catalogue
 * fills with its own codes and column names (lower-case words, never a user's text).
 */
final class FigureQueries {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");
    private static final Pattern TRUSTED = Pattern.compile("[a-z0-9_]+");
    /** The files read, so a test can tell that no file is left unused. */
    private static final Set<String> READ = ConcurrentHashMap.newKeySet();

    private FigureQueries() {
    }

    static String of(String file) {
        return of(file, Map.of());
    }

    static String of(String file, Map<String, String> values) {
        String name = "figures/" + file + ".sql";
        READ.add(name);
        Matcher placeholder = PLACEHOLDER.matcher(SqlFiles.resource(name));
        StringBuilder sql = new StringBuilder();
        Set<String> filled = new HashSet<>();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null || !TRUSTED.matcher(value).matches()) {
                throw new IllegalArgumentException(name + " needs ${" + placeholder.group(1)
                        + "} as lower-case words, not " + value);
            }
            filled.add(placeholder.group(1));
            placeholder.appendReplacement(sql, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(sql);
        if (!filled.equals(values.keySet())) {
            throw new IllegalArgumentException(name + " has no placeholder for some of " + values.keySet());
        }
        return sql.toString();
    }

    /** The files read so far: once {@link FigureCatalogue} is loaded, every figure's. */
    static Set<String> read() {
        return Set.copyOf(READ);
    }
}
