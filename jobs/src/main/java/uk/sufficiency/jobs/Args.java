package uk.sufficiency.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A subcommand's {@code --name value} options and positional words, checked against what it accepts. */
final class Args {
    private final String command;
    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    Args(String command, List<String> words, Set<String> accepted) {
        this(command, words, accepted, Set.of());
    }

    /** With {@code flags}: options that take no value ({@code --force}). */
    Args(String command, List<String> words, Set<String> accepted, Set<String> flags) {
        this.command = command;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--")) {
                String name = word.substring(2);
                if (flags.contains(name)) {
                    options.put(name, "true");
                    continue;
                }
                if (!accepted.contains(name)) {
                    throw new UsageError("'" + command + "' does not take --" + name);
                }
                if (i + 1 >= words.size()) {
                    throw new UsageError("--" + name + " needs a value");
                }
                options.put(name, words.get(++i));
            } else {
                positional.add(word);
            }
        }
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageError("'" + command + "' needs --" + name);
        }
        return value;
    }

    Path path(String name) {
        return Path.of(required(name));
    }

    int integer(String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageError("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    List<String> positional() {
        return positional;
    }

    /** A mistake in how the command was called: printed with the usage, exit status 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
