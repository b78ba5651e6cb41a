package uk.sufficiency.jobs;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The names nearest one typed, by edit distance ignoring case: for "did you mean" messages. */
final class ClosestNames {
    private ClosestNames() {
    }

    static List<String> of(String typed, List<String> names, int howMany) {
        String t = typed.toLowerCase(Locale.ROOT);
        return names.stream()
                .sorted(Comparator.comparingInt((String n) -> distance(t, n.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(howMany).toList();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
