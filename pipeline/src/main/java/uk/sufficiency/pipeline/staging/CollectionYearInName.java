package uk.sufficiency.pipeline.staging;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collection year a file or folder name states (counting-rules §1): a span such as
 * {@code 2021-22}, {@code 2021_22}, {@code 202122}, {@code 2021-2022} or {@code 2021_2022} means its
 * later year; a lone four-digit year means itself. The file name is looked at first, then its
 * folders up to the input folder.
 */
public final class CollectionYearInName {
    // A four-digit second year needs a separator: eight bare digits are more likely a date or an id.
    private static final Pattern SPAN = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})(?:[-_]?(\\d{2})|[-_]((?:19|20)\\d{2}))(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

    private CollectionYearInName() {
    }

    public static Integer of(Path inputDir, Path file) {
        for (Path p = file; p != null && !p.equals(inputDir); p = p.getParent()) {
            Integer year = inName(p.getFileName().toString());
            if (year != null) {
                return year;
            }
        }
        return null;
    }

    static Integer inName(String name) {
        Matcher span = SPAN.matcher(name);
        while (span.find()) {
            int first = Integer.parseInt(span.group(1));
            boolean shortSecond = span.group(2) != null;
            int second = Integer.parseInt(shortSecond ? span.group(2) : span.group(3));
            if (shortSecond ? (first + 1) % 100 == second : first + 1 == second) {
                return first + 1;
            }
        }
        Matcher year = YEAR.matcher(name);
        return year.find() ? Integer.parseInt(year.group(1)) : null;
    }
}
