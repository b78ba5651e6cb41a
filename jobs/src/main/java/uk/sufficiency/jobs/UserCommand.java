package uk.sufficiency.jobs;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import uk.sufficiency.dashboard.auth.User;
import uk.sufficiency.dashboard.auth.Users;

/** {@code ./sufficiency user add|remove|list}: who may sign in to the dashboard, and which LA each sees exactly. */
final class UserCommand {
    private UserCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err) throws IOException {
        if (words.isEmpty()) {
            throw new Args.UsageError("'user' needs add, remove or list");
        }
        String action = words.get(0);
        List<String> rest = words.subList(1, words.size());
        switch (action) {
            case "add" -> {
                Args args = new Args("user add", rest, Set.of("warehouse", "user", "la", "role"));
                Users users = Users.load(args.path("warehouse"));
                char[] password = readPassword(err);
                try {
                    User user = users.addOrReplace(args.required("user"), args.required("la"),
                            args.get("role", "viewer"), password);
                    out.printf("User '%s' can sign in; sees %s exactly.%n", user.username(),
                            Users.ALL_LAS.equals(user.la()) ? "every LA" : user.la());
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
            case "remove" -> {
                Args args = new Args("user remove", rest, Set.of("warehouse", "user"));
                if (!Users.load(args.path("warehouse")).remove(args.required("user"))) {
                    err.println("error: no user '" + args.required("user") + "'");
                    return 1;
                }
                out.println("Removed '" + args.required("user") + "'; their sessions end on their next request.");
            }
            case "list" -> {
                Args args = new Args("user list", rest, Set.of("warehouse"));
                out.println("username,la,role");
                for (User user : Users.load(args.path("warehouse")).all()) {
                    out.println(String.join(",", user.username(), user.la(), user.role().code()));
                }
            }
            default -> throw new Args.UsageError("unknown 'user' action '" + action + "'");
        }
        return 0;
    }

    /** Asked twice without echo at a terminal; otherwise one line from standard input (for scripts). */
    private static char[] readPassword(PrintStream err) throws IOException {
        Console console = System.console();
        if (console == null) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password given on standard input");
            }
            return line.toCharArray();
        }
        char[] first = console.readPassword("Password (at least %d characters): ", Users.MIN_PASSWORD_LENGTH);
        char[] second = console.readPassword("Same password again: ");
        if (first == null || !Arrays.equals(first, second)) {
            throw new IllegalArgumentException("the two passwords differ");
        }
        Arrays.fill(second, '\0');
        return first;
    }
}
